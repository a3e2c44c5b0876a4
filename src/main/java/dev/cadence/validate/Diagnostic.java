package dev.cadence.validate;

import java.util.Comparator;
import java.util.Objects;

/** One finding, printed compiler-style as {@code file:line:col: severity[code]: message}. */
public record Diagnostic(
    String file, int line, int column, Severity severity, Code code, String message) {

  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::file)
          .thenComparingInt(Diagnostic::line)
          .thenComparingInt(Diagnostic::column)
          .thenComparing(Diagnostic::code)
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0");
    }
    if (message.contains("\n")) {
      throw new IllegalArgumentException("a diagnostic message is one line: " + message);
    }
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
