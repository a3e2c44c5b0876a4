package dev.cadence.cli;

import dev.cadence.report.Count;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A progress line on stderr for long work (plan, enroll, simulate, analyze, run), redrawn in place
 * at most a few times a second and cleared when the work is done.
 *
 * <p>Shown only when stderr itself is a terminal, so that {@code cadence plan ... > plan.csv} still
 * shows it while a pipe, a log file, cron or a test never gets it; {@code --quiet} hides it. A
 * terminal that says it is dumb ({@code TERM=dumb}: Emacs' shell, some CI consoles) gets plain text
 * with no block characters and no escape sequence.
 */
class Progress {
  private static final long REDRAW_NANOS = 200_000_000L;
  private static final int WIDTH = 24;

  /** How the line is drawn. */
  enum Style {
    /** Nothing: stderr is no terminal, or --quiet. */
    NONE,
    /** A bar of block characters, the line cleared with an escape sequence. */
    BAR,
    /** Text only, cleared with spaces: for {@code TERM=dumb}. */
    PLAIN;

    /** The style for this process: stderr a terminal, and what kind. */
    static Style detect(boolean quiet) {
      return of(quiet, Terminal.stderrIsTerminal(), System.getenv("TERM"));
    }

    static Style of(boolean quiet, boolean stderrIsTerminal, String term) {
      if (quiet || !stderrIsTerminal) {
        return NONE;
      }
      return "dumb".equals(term) ? PLAIN : BAR;
    }
  }

  /** What is counted, and how a count reads. */
  enum Unit {
    LEADS("lead"),
    EMAILS("email"),
    BYTES("");

    private final String noun;

    Unit(String noun) {
      this.noun = noun;
    }

    String text(long done, long total) {
      if (this == BYTES) {
        return total > 0 ? megabytes(done) + " of " + megabytes(total) + " MB read" : "";
      }
      String counted =
          total > 0 ? Count.of(done) + " of " + Count.of(total, noun) : Count.of(done, noun);
      return this == EMAILS ? counted + " sent" : counted;
    }

    private static String megabytes(long bytes) {
      return Count.of((bytes + (1 << 19)) >> 20);
    }
  }

  private final Style style;
  private final PrintWriter err;
  private final long total;
  private final Unit unit;
  private long lastDraw;
  private int drawnWidth;
  private long done;

  Progress(Style style, PrintWriter err, long total, Unit unit) {
    this.style = style;
    this.err = err;
    this.total = total;
    this.unit = unit;
  }

  /** A line that is never drawn. */
  static Progress none(PrintWriter err) {
    return new Progress(Style.NONE, err, 0, Unit.LEADS);
  }

  /** The bar for reading the lead list {@code leads}, its total estimated from its lines. */
  static Progress forLeads(Path leads, boolean quiet, PrintWriter err) {
    Style style = Style.detect(quiet);
    return new Progress(style, err, style == Style.NONE ? 0 : estimateRows(leads), Unit.LEADS);
  }

  /** The line for {@code unit} out of {@code total} (0: unknown, a count without a bar). */
  static Progress of(boolean quiet, PrintWriter err, long total, Unit unit) {
    return new Progress(Style.detect(quiet), err, total, unit);
  }

  /** {@code sink}, counting what goes through it. */
  <T> Consumer<T> counting(Consumer<T> sink) {
    if (style == Style.NONE) {
      return sink;
    }
    return item -> {
      sink.accept(item);
      update(done + 1);
    };
  }

  /** {@code count} done so far (a running total); redrawn when the last draw is old enough. */
  void update(long count) {
    done = count;
    if (style == Style.NONE) {
      return;
    }
    long t = System.nanoTime();
    if (drawnWidth > 0 && t - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = t;
    String text = line(count);
    if (style == Style.BAR) {
      err.print("\r" + text + "\u001b[K");
    } else {
      // No escape sequence: spaces wipe what a longer line left.
      err.print("\r" + text + " ".repeat(Math.max(0, drawnWidth - text.length())));
    }
    drawnWidth = Math.max(1, text.length());
    err.flush();
  }

  /** The text of the line for {@code count}. */
  String line(long count) {
    String what = unit.text(count, total);
    if (total <= 0) {
      return what;
    }
    double f = Math.min(1.0, (double) count / total);
    String percent = String.format(Locale.ROOT, "%3d%% ", Math.round(f * 100));
    if (style != Style.BAR) {
      return percent + what;
    }
    int full = (int) Math.round(f * WIDTH);
    return "\u2588".repeat(full) + "\u2591".repeat(WIDTH - full) + " " + percent + what;
  }

  /** Clears the line so that what follows starts on a clean one. */
  void done() {
    if (drawnWidth > 0) {
      err.print(style == Style.BAR ? "\r\u001b[K" : "\r" + " ".repeat(drawnWidth) + "\r");
      err.flush();
      drawnWidth = 0;
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
