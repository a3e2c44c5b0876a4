package dev.cadence.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A progress bar on stderr while leads are simulated: only on a terminal (never in a pipe, a log
 * file or a test), redrawn at most a few times a second.
 */
class Progress {
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final long total;
  private long lastDraw;
  private boolean drawn;

  Progress(PrintWriter err, long total) {
    this.err = err;
    this.total = total;
  }

  /** A bar when stderr is a terminal, else one that prints nothing. */
  static Progress forTerminal(Path leads, PrintWriter err) {
    if (System.console() == null) {
      return new Progress(err, 0) {
        @Override
        void leadsDone(long leads) {}

        @Override
        void done() {}
      };
    }
    return new Progress(err, estimateRows(leads));
  }

  void leadsDone(long leads) {
    long t = System.nanoTime();
    if (drawn && t - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = t;
    drawn = true;
    String count = String.format(Locale.ROOT, "%,d leads", leads);
    if (total > 0) {
      int width = 30;
      double f = Math.min(1.0, (double) leads / total);
      int full = (int) Math.round(f * width);
      err.print(
          "\r["
              + "#".repeat(full)
              + ".".repeat(width - full)
              + "] "
              + String.format(Locale.ROOT, "%3d%% ", Math.round(f * 100))
              + count);
    } else {
      err.print("\r" + count);
    }
    err.flush();
  }

  /** Clears the bar so that what follows starts on a clean line. */
  void done() {
    if (drawn) {
      err.print("\r\u001b[K");
      err.flush();
      drawn = false;
    }
  }

  /** Lines in the file minus the header: the number of leads unless rows span lines. */
  private static long estimateRows(Path file) {
    long lines = 0;
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
      }
    } catch (IOException e) {
      return 0; // the reader will report it
    }
    return Math.max(0, lines - 1);
  }
}
