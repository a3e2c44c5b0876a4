package dev.cadence.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

/** Runs the real command line in-process with captured stdout and stderr. */
public final class CliHarness {
  /**
   * What a run printed and returned; {@link #toString()} shows all of it for assertion messages.
   */
  public record CliResult(String[] args, int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "cadence "
          + String.join(" ", args)
          + "\nexit: "
          + exitCode
          + "\n--- stdout ---\n"
          + out
          + "--- stderr ---\n"
          + err;
    }
  }

  private CliHarness() {}

  /** Runs {@code args} as {@code Main} does (plain {@code validate} invocations skip picocli). */
  public static CliResult run(String... args) {
    return run(CommandContext.system(), args);
  }

  /** As {@link #run(String...)} with a clock, mail sender or standard input of the test's own. */
  public static CliResult run(CommandContext context, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(context, new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new CliResult(
        Arrays.copyOf(args, args.length),
        code,
        normalise(out.toString()),
        normalise(err.toString()));
  }

  /** Runs {@code args} through picocli always, with every subcommand. */
  public static CliResult runThroughPicocli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new CliResult(
        Arrays.copyOf(args, args.length),
        code,
        normalise(out.toString()),
        normalise(err.toString()));
  }

  private static String normalise(String s) {
    return s.replace("\r\n", "\n");
  }
}
