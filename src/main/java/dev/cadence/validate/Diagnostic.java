package dev.cadence.validate;

import java.util.Comparator;
import java.util.Objects;

/** One finding, printed compiler-style as {@code file:line:col: severity[code]: message}. */
public record Diagnostic(
    String file, int line, int column, Severity severity, Code code, String message) {

  /**
   * By file, line, column, code, message. A plain class, not a chain of {@code
   * Comparator.comparing} lambdas: the JDK's lambdas in {@code Comparator} cannot go into the
   * class-data archive, and they and a method reference here made the JVM generate classes at every
   * {@code validate} start.
   */
  public static final Comparator<Diagnostic> ORDER =
      new Comparator<>() {
        @Override
        public int compare(Diagnostic a, Diagnostic b) {
          int c = a.file.compareTo(b.file);
          if (c == 0) {
            c = Integer.compare(a.line, b.line);
          }
          if (c == 0) {
            c = Integer.compare(a.column, b.column);
          }
          if (c == 0) {
            c = a.code.compareTo(b.code);
          }
          return c != 0 ? c : a.message.compareTo(b.message);
        }
      };

  public Diagnostic {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0");
    }
    // Messages quote user text (keys, ids, values), which YAML escapes can fill with line breaks
    // and control characters; shown raw they would break the one-line formats and terminals.
    message = oneLine(message);
  }

  /** Escapes line breaks, control characters and lone surrogates as visible backslash escapes. */
  public static String oneLine(String message) {
    StringBuilder out = null;
    for (int i = 0; i < message.length(); i++) {
      char c = message.charAt(i);
      boolean unsafe =
          Character.isISOControl(c)
              || c == '\u2028'
              || c == '\u2029'
              || c == '\uFFFE'
              || c == '\uFFFF'
              || (Character.isSurrogate(c) && !pairedSurrogate(message, i));
      if (unsafe && out == null) {
        out = new StringBuilder(message.length() + 8).append(message, 0, i);
      }
      if (out != null) {
        if (!unsafe) {
          out.append(c);
        } else if (c == '\n') {
          out.append("\\n");
        } else if (c == '\r') {
          out.append("\\r");
        } else if (c == '\t') {
          // A tab too: XML attributes (JUnit) would turn it into a space.
          out.append("\\t");
        } else {
          out.append(String.format("\\u%04X", (int) c));
        }
      }
    }
    return out == null ? message : out.toString();
  }

  private static boolean pairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c)
        ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
