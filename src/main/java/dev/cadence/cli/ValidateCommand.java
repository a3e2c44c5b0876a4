package dev.cadence.cli;

import dev.cadence.io.CadenceWorkspace;
import dev.cadence.report.validate.ValidateFormat;
import dev.cadence.validate.ValidationResult;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code cadence validate PATH...}: lint cadence files and folders, references across them.
 *
 * <p>Declared with picocli's programmatic API rather than annotations: CI loops start this command
 * thousands of times, and each annotation picocli reads becomes a runtime proxy class that the
 * class-data archive cannot hold (its cost per start: docs/benchmarks.md, validate).
 */
final class ValidateCommand implements Callable<Integer> {
  private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);
  private final OptionSpec format =
      OptionSpec.builder("--format")
          .paramLabel("FORMAT")
          .type(ValidateFormat.class)
          .defaultValue("text")
          .description("Output format: text, json, junit, sarif, github (default: text).")
          .build();
  private final OptionSpec strict = flag("Warnings fail the run too.", "--strict");
  private final OptionSpec quiet =
      flag("Print only findings and errors, no summary.", "-q", "--quiet");
  private final PositionalParamSpec paths =
      PositionalParamSpec.builder()
          .paramLabel("PATH")
          .arity("1..*")
          .required(true)
          .type(List.class)
          .auxiliaryTypes(Path.class)
          .description("Cadence files or folders; - reads one cadence from standard input.")
          .build();

  ValidateCommand() {
    spec.name("validate");
    spec.usageMessage()
        .description(
            "Lint cadence files (files or folders, recursive *.yaml/*.yml), including references across files.")
        .footerHeading("%nExamples:%n")
        .footer(
            "  # every cadence under a folder, with the templates they use",
            "  cadence validate cadences/",
            "  # in CI: warnings fail too, findings annotate the pull request",
            "  cadence validate --strict --format github cadences/",
            "  # a cadence from standard input, e.g. as committed",
            "  git show HEAD:cadences/refund-process.yaml | cadence validate -");
    spec.addPositional(paths);
    spec.addOption(format);
    spec.addOption(strict);
    spec.addOption(quiet);
    spec.addOption(flag("Print stack traces of unexpected errors.", "-v", "--verbose"));
    CadenceCommand.standardHelpOptions(spec);
    spec.versionProvider(new BuildInfo());
  }

  /** The command's model, for {@code CommandLine.addSubcommand}. */
  CommandSpec spec() {
    return spec;
  }

  private static OptionSpec flag(String description, String... names) {
    return OptionSpec.builder(names)
        .type(boolean.class)
        .arity("0")
        .description(description)
        .build();
  }

  @Override
  public Integer call() {
    List<Path> given = paths.getValue();
    return validate(
        given,
        format.getValue(),
        Boolean.TRUE.equals(strict.getValue()),
        Boolean.TRUE.equals(quiet.getValue()),
        spec.commandLine().getOut(),
        spec.commandLine().getErr(),
        spec.commandLine().getColorScheme(),
        CadenceCommand.stdin(spec));
  }

  /**
   * The command itself, shared by picocli's path and {@link FastValidate}'s.
   *
   * @param colors how errors are coloured; null for picocli's default, built only if an error is
   *     shown
   */
  static int validate(
      List<Path> given,
      ValidateFormat chosen,
      boolean isStrict,
      boolean isQuiet,
      PrintWriter out,
      PrintWriter err,
      Help.ColorScheme colors) {
    return validate(given, chosen, isStrict, isQuiet, out, err, colors, System.in);
  }

  /** As above, {@code -} among the paths reading {@code stdin}. */
  static int validate(
      List<Path> given,
      ValidateFormat chosen,
      boolean isStrict,
      boolean isQuiet,
      PrintWriter out,
      PrintWriter err,
      Help.ColorScheme colors,
      InputStream stdin) {
    CadenceWorkspace.Outcome outcome = CadenceWorkspace.validate(given, isStrict, stdin);
    for (String missing : outcome.missingPaths()) {
      Help.ColorScheme scheme = colors != null ? colors : Help.defaultColorScheme(Help.Ansi.AUTO);
      err.println(scheme.errorText("error: no such file or directory: " + missing));
    }
    err.flush();
    ValidationResult result = outcome.result();
    chosen.renderer(OutputOptions.color(), isQuiet).render(result, out);
    if (result.hasIoErrors()) {
      return ExitCodes.RUNTIME;
    }
    if (!outcome.missingPaths().isEmpty()) {
      return ExitCodes.USAGE;
    }
    return result.valid() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }
}
