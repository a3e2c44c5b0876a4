package dev.cadence.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code cadence schema}: the JSON Schema (2020-12) of the cadence format, for editors and CI. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  # for editors: map it to your cadence files",
      "  cadence schema > cadence.schema.json",
      "  # the top-level keys of a cadence",
      "  cadence schema | jq '.properties | keys'"
    },
    description =
        "Print the JSON Schema (2020-12) of the cadence format, for YAML language servers and CI.")
final class SchemaCommand implements Callable<Integer> {
  static final String RESOURCE = "/dev/cadence/cadence.schema.json";

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    try (InputStream in = SchemaCommand.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new CadenceException(
            ExitCodes.RUNTIME, "the schema is missing from this build; rebuild with `mvn package`");
      }
      spec.commandLine().getOut().print(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      spec.commandLine().getOut().flush();
    }
    return ExitCodes.OK;
  }
}
