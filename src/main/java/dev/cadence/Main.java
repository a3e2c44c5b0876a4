package dev.cadence;

import dev.cadence.cli.Cli;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point: the only place that exits the process. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Buffered, not line-flushed: plan and simulate print millions of lines, and a flush per line
    // would cost a system call each. Flushed once at the end (and by commands before they exit).
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = Cli.create(out, err).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
