package dev.cadence;

import dev.cadence.cli.ArchiveTraining;
import dev.cadence.cli.Cli;
import dev.cadence.cli.ExitCodes;
import dev.cadence.io.Utf8Writer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/** Entry point: the only place that exits the process. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    String training =
        System.getProperty("cadence.training"); // bin/cadence recording its class-data archive
    if (training != null) {
      ArchiveTraining.run(Path.of(training));
      return;
    }
    // Buffered, not line-flushed: plan and simulate print millions of lines, and a flush per line
    // would cost a system call each. Flushed once at the end (and by commands before they exit).
    // The raw descriptor, not System.out: a PrintStream swallows write errors, and a full disk must
    // show.
    Stdout stdout = new Stdout();
    // UTF-8 encoded straight into a byte buffer (Utf8Writer): a 100,000-lead calendar is 450 MB.
    PrintWriter out = new PrintWriter(new Utf8Writer(stdout, 1 << 16));
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code;
    try {
      code = Cli.run(out, err, args);
    } catch (Throwable t) { // an Error the command line did not map (out of memory, stack overflow)
      boolean verbose = Cli.verbose(Arrays.asList(args));
      err.println("error: " + t + (verbose ? "" : " (run with --verbose for details)"));
      if (verbose) {
        t.printStackTrace(err);
      }
      code = ExitCodes.RUNTIME;
    }
    out.flush();
    if (out.checkError()
        && !stdout.readerLeft) { // PrintWriter hides write failures: a full disk must not exit 0
      err.println("error: could not write the output: " + stdout.failure);
      code = ExitCodes.RUNTIME;
    }
    err.flush();
    System.exit(code);
  }

  /**
   * Standard output that remembers why a write failed; a reader that left (`| head`) is no error.
   */
  private static final class Stdout extends FilterOutputStream {
    String failure = "unknown error";
    boolean readerLeft;

    Stdout() {
      super(new FileOutputStream(FileDescriptor.out));
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        failure = String.valueOf(e.getMessage());
        readerLeft = failure.contains("Broken pipe");
        throw e;
      }
    }
  }
}
