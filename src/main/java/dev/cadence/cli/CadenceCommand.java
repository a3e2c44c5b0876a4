package dev.cadence.cli;

import picocli.CommandLine.Command;

/** The top-level command: {@code cadence <subcommand>}. */
@Command(
    name = "cadence",
    mixinStandardHelpOptions = true,
    version = "cadence 0.1.0",
    description = "Sales cadences as code: lint, plan, simulate, run and analyze.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:the input has findings (invalid cadence, rejected rows under --strict)",
      "2:usage error (bad flag, missing argument, path that names nothing)",
      "3:runtime failure (I/O, database, SMTP)"
    })
final class CadenceCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  private final java.time.Clock clock;

  CadenceCommand(java.time.Clock clock) {
    this.clock = clock;
  }

  /** Where "now" comes from: injected, so that tests and --now control time. */
  java.time.Clock clock() {
    return clock;
  }

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand; try `cadence validate cadences/`");
  }
}
