package dev.cadence.report.validate;

import dev.cadence.report.Count;
import dev.cadence.validate.Diagnostic;
import dev.cadence.validate.FileResult;
import dev.cadence.validate.Severity;
import dev.cadence.validate.ValidationResult;
import java.io.PrintWriter;

/** Compiler-style lines, {@code file:line:col: error[code]: message}, then a one-line summary. */
final class TextRenderer implements ValidationRenderer {
  private static final String RED = "\u001b[1;31m";
  private static final String YELLOW = "\u001b[1;33m";
  private static final String GREEN = "\u001b[1;32m";
  private static final String RESET = "\u001b[0m";

  private final boolean color;
  private final boolean quiet;

  TextRenderer(boolean color, boolean quiet) {
    this.color = color;
    this.quiet = quiet;
  }

  @Override
  public void render(ValidationResult result, PrintWriter out) {
    for (FileResult file : result.files()) {
      for (Diagnostic d : file.diagnostics()) {
        out.println(line(d));
      }
    }
    if (!quiet) {
      long errors = result.count(Severity.ERROR);
      long warnings = result.count(Severity.WARNING);
      int files = result.files().size();
      // Concatenation, not String.format: the formatter loads locale data, a cost at every start.
      String summary =
          Count.of(files, "file")
              + " checked: "
              + Count.of(errors, "error")
              + ", "
              + Count.of(warnings, "warning")
              + (result.strict() && warnings > 0 ? " (warnings fail under --strict)" : "");
      out.println(paint(result.valid() ? GREEN : RED, summary));
    }
    out.flush();
  }

  private String line(Diagnostic d) {
    String where = d.file() + (d.line() > 0 ? ":" + d.line() + ":" + d.column() : "");
    String kind = d.severity().label() + "[" + d.code().id() + "]";
    return where
        + ": "
        + paint(d.severity() == Severity.ERROR ? RED : YELLOW, kind)
        + ": "
        + d.message();
  }

  private String paint(String ansi, String text) {
    return color ? ansi + text + RESET : text;
  }

  private static String plural(long n) {
    return n == 1 ? "" : "s";
  }
}
