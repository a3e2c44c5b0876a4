package dev.cadence;

import dev.cadence.cli.Cli;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point: the only place that exits the process. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    // Buffered, not line-flushed: plan and simulate print millions of lines, and a flush per line
    // would cost a system call each. Flushed once at the end (and by commands before they exit).
    // The raw descriptor, not System.out: a PrintStream swallows write errors, and a full disk must show.
    PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code;
    try {
      code = Cli.create(out, err).execute(args);
    } catch (Throwable t) { // an Error the command line did not map (out of memory, stack overflow)
      err.println("error: " + t + (java.util.Arrays.asList(args).contains("--verbose") ? "" : " (run with --verbose for details)"));
      if (java.util.Arrays.asList(args).contains("--verbose")) {
        t.printStackTrace(err);
      }
      code = 3;
    }
    out.flush();
    if (out.checkError()) { // PrintWriter hides write failures: a full disk must not exit 0
      err.println("error: could not write the output (disk full or closed pipe?)");
      code = 3;
    }
    err.flush();
    System.exit(code);
  }
}
