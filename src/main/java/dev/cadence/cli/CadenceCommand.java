package dev.cadence.cli;

import java.io.InputStream;
import java.time.Clock;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;
import picocli.CommandLine.ParameterException;

/**
 * The top-level command: {@code cadence <subcommand>}.
 *
 * <p>Declared with picocli's programmatic API, like {@link ValidateCommand}: every start pays for
 * this command, and each annotation picocli reads is a runtime proxy class that the class-data
 * archive cannot hold (six of them here; their cost: docs/benchmarks.md, validate). Subcommands
 * find it through {@code @ParentCommand}: picocli injects the spec's user object, this instance.
 */
final class CadenceCommand implements Runnable {
  private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);
  private final CommandContext context;

  CadenceCommand(CommandContext context) {
    this.context = context;
    spec.name("cadence");
    spec.versionProvider(new BuildInfo());
    spec.usageMessage()
        .description("Sales cadences as code: lint, plan, simulate, run and analyze.")
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(
            UsageMessageSpec.keyValuesMap(
                "0:success",
                "1:the input has findings (invalid cadence, rejected rows under --strict)",
                "2:usage error (bad flag, missing argument, path that names nothing)",
                "3:runtime failure (I/O, database, SMTP)"))
        .footerHeading("%nExamples:%n")
        .footer(
            "  # a starter project, checked and planned",
            "  cadence init sales-cadences && cd sales-cadences",
            "  cadence validate --strict cadences/",
            "  cadence plan cadences/first-touch.yaml --leads leads.csv",
            "  # the whole loop on the samples, and help on one command",
            "  cadence demo",
            "  cadence help plan");
    standardHelpOptions(spec);
  }

  /**
   * What {@code mixinStandardHelpOptions = true} adds, without the annotated mixin picocli would
   * reflect over.
   */
  static void standardHelpOptions(CommandSpec spec) {
    spec.addOption(
        OptionSpec.builder("-h", "--help")
            .usageHelp(true)
            .description("Show this help message and exit.")
            .build());
    spec.addOption(
        OptionSpec.builder("-V", "--version")
            .versionHelp(true)
            .description("Print version information and exit.")
            .build());
  }

  /** The command's model, for {@code new CommandLine(spec)}. */
  CommandSpec spec() {
    return spec;
  }

  /** Where "now" comes from: injected, so that tests and --now control time. */
  Clock clock() {
    return context.clock();
  }

  /** Everything the commands take from outside (clock, mail, standard input). */
  CommandContext context() {
    return context;
  }

  /**
   * The standard input of the command line {@code spec} belongs to: the context's, so that tests
   * give their own; the process's for a command built on its own.
   */
  static InputStream stdin(CommandSpec spec) {
    return spec.root().userObject() instanceof CadenceCommand c ? c.context.stdin() : System.in;
  }

  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "missing subcommand; try `cadence validate cadences/`");
  }
}
