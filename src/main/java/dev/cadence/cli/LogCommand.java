package dev.cadence.cli;

import dev.cadence.io.log.AtomicOutput;
import dev.cadence.live.StateStore;
import dev.cadence.model.OutcomeEvent;
import dev.cadence.report.Count;
import dev.cadence.report.live.LogFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cadence log --rebuild [--out LOG]}: the outcome log written again from the store, its
 * source of truth.
 */
@Command(
    name = "log",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  # the outcome log again from the store, replacing the file whole",
      "  cadence log --rebuild --out outcomes.csv",
      "  cadence log --rebuild | gzip > outcomes.csv.gz",
      "  # the events up to New Year, as JSON",
      "  cadence log --rebuild --format json --now 2027-01-01T00:00:00Z"
    },
    description = {
      "Write the outcome log again from the state store (every event, in the order it was committed):"
          + " after a crash between a commit and the log append, or to start a fresh copy.",
      "Without --out, the log goes to standard output. With --now, only the events up to that"
          + " time: the log as it stood then."
    })
final class LogCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand CadenceCommand parent;
  @Mixin OutputOptions output;
  @Mixin NowOption now;
  @Mixin DbOption db;

  @Option(names = "--rebuild", required = true, description = "Rebuild the log from the store.")
  boolean rebuild;

  @Option(
      names = "--out",
      converter = OutputFile.class,
      paramLabel = "LOG.csv",
      description =
          "The file to write (replaced in full, or not at all; default: standard output).")
  Path out;

  @Option(
      names = "--format",
      defaultValue = "csv",
      paramLabel = "FORMAT",
      description =
          "csv (the outcome log) or json (a list, one object per event with the log's columns as"
              + " keys) (default: csv).")
  LogFormat format;

  @Override
  public Integer call() {
    // Given explicitly only: without --now every event counts, even those a rehearsal dated ahead.
    Optional<Instant> until =
        now.now == null ? Optional.empty() : Optional.of(now.resolve(parent.clock()));
    long count;
    try (StateStore store = db.open()) {
      if (out == null) {
        PrintWriter stdout = spec.commandLine().getOut();
        count = write(store, until, stdout);
        stdout.flush();
      } else {
        try (AtomicOutput file = AtomicOutput.open(out)) {
          Writer writer =
              new BufferedWriter(
                  new OutputStreamWriter(bytesTo(file), StandardCharsets.UTF_8), 1 << 16);
          count = write(store, until, writer);
          writer.flush();
          file.commit();
        }
      }
    } catch (IOException e) {
      throw new CadenceException(
          ExitCodes.RUNTIME, "cannot write " + out + ": " + e.getMessage(), e);
    }
    if (!output.quiet) {
      spec.commandLine()
          .getErr()
          .println("wrote " + Count.of(count, "event") + (out == null ? "" : " to " + out));
    }
    return ExitCodes.OK;
  }

  /** Writes the events committed up to {@code until} (all without it); returns how many. */
  private long write(StateStore store, Optional<Instant> until, Writer writer) throws IOException {
    long[] count = {0};
    format.start(writer);
    try {
      store.read(
          tx -> {
            tx.forEachEvent(
                e -> {
                  if (until.isEmpty() || !e.at().isAfter(until.get())) {
                    write(e, count[0] == 0, writer);
                    count[0]++;
                  }
                });
            return null;
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    format.end(count[0] == 0, writer);
    return count[0];
  }

  private void write(OutcomeEvent e, boolean first, Writer writer) {
    try {
      format.event(e, first, writer);
    } catch (IOException x) {
      throw new UncheckedIOException(x); // stops the store's walk; rethrown as it was above
    }
  }

  /** The temporary file as a stream, so that one writer serves the file and standard output. */
  private static OutputStream bytesTo(AtomicOutput file) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        file.write(new byte[] {(byte) b});
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        file.write(b, off, len);
      }
    };
  }
}
