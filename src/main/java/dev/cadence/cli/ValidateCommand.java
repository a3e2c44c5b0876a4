package dev.cadence.cli;

import dev.cadence.io.CadenceWorkspace;
import dev.cadence.report.validate.ValidateFormat;
import dev.cadence.validate.ValidationResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cadence validate PATH...}: lint cadence files and folders, references across them. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Lint cadence files (files or folders, recursive *.yaml/*.yml), including references across files.")
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Cadence files or folders.")
  List<Path> paths;

  @Option(names = "--format", defaultValue = "text",
      description = "Output format: text, json, junit, sarif, github (default: text).")
  ValidateFormat format;

  @Option(names = "--strict", description = "Warnings fail the run too.")
  boolean strict;

  @Override
  public Integer call() {
    CadenceWorkspace.Outcome outcome = CadenceWorkspace.validate(paths, strict);
    PrintWriter err = spec.commandLine().getErr();
    for (String missing : outcome.missingPaths()) {
      err.println(spec.commandLine().getColorScheme().errorText("error: no such file or directory: " + missing));
    }
    err.flush();
    ValidationResult result = outcome.result();
    format.renderer(OutputOptions.color(), output.quiet).render(result, spec.commandLine().getOut());
    if (result.hasIoErrors()) {
      return ExitCodes.RUNTIME;
    }
    if (!outcome.missingPaths().isEmpty()) {
      return ExitCodes.USAGE;
    }
    return result.valid() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}
