package dev.cadence.inbox;

/** Makes evidence fit on one line a person can read in a terminal. */
final class Reasons {
  /** Long enough for a diagnostic phrase and where it was found; longer evidence is cut. */
  static final int MAX = 240;

  private Reasons() {}

  /** {@code text} on one line: control characters and runs of blanks become one space. */
  static String oneLine(String text) {
    if (text == null || text.isBlank()) {
      return "no evidence recorded";
    }
    StringBuilder line = new StringBuilder(Math.min(text.length(), MAX + 1));
    boolean blank = false;
    for (int i = 0; i < text.length() && line.length() <= MAX; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        blank = true;
      } else {
        if (blank && line.length() > 0) {
          line.append(' ');
        }
        blank = false;
        line.append(c);
      }
    }
    if (line.length() > MAX) {
      line.setLength(MAX - 3);
      line.append("...");
    }
    return line.length() == 0 ? "no evidence recorded" : line.toString();
  }

  /** A quoted excerpt of {@code text} for a reason line. */
  static String quote(String text, int max) {
    String line = oneLine(text);
    if (line.length() > max) {
      line = line.substring(0, Math.max(0, max - 3)) + "...";
    }
    return "\"" + line + "\"";
  }
}
