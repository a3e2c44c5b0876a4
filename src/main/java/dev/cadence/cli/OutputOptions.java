package dev.cadence.cli;

import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;

/** Options every command shares: --quiet, --verbose, and whether colour is on. */
final class OutputOptions {
  @Option(
      names = {"-q", "--quiet"},
      description = "Print only findings and errors, no summary.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Print stack traces of unexpected errors.")
  boolean verbose;

  /** Colour only on a terminal, and never when NO_COLOR is set. */
  static boolean color() {
    return System.getenv("NO_COLOR") == null && System.console() != null && Ansi.AUTO.enabled();
  }
}
