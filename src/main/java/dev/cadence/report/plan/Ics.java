package dev.cadence.report.plan;

/**
 * iCalendar (RFC 5545) text pieces shared by the plan and task calendars. Written as single passes
 * over characters into the caller's builder: a 100,000-lead plan escapes and folds millions of
 * lines.
 */
public final class Ics {
  /** The longest content line, in UTF-8 octets, before it is folded. */
  private static final int FOLD_AT = 75;

  private Ics() {}

  /**
   * Escapes TEXT values (RFC 5545 3.3.11): backslash, semicolon and comma; CRLF, LF and CR as
   * {@code \n}.
   */
  public static String text(String s) {
    return appendText(new StringBuilder(s.length() + 8), s).toString();
  }

  /**
   * Appends {@code s} escaped as {@link #text} does; runs of plain characters are copied in one go.
   */
  public static StringBuilder appendText(StringBuilder to, CharSequence s) {
    int n = s.length();
    int plain = 0; // start of the run of characters not yet copied
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c != '\\' && c != ';' && c != ',' && c != '\r' && c != '\n') {
        continue;
      }
      to.append(s, plain, i);
      if (c == '\r' || c == '\n') {
        to.append("\\n");
        if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
          i++; // CRLF is one line break
        }
      } else {
        to.append('\\').append(c);
      }
      plain = i + 1;
    }
    return to.append(s, plain, n);
  }

  /** Writes a content line with CRLF, folded at 75 octets without splitting a UTF-8 character. */
  public static void line(StringBuilder ics, CharSequence content) {
    line(ics, content, isAscii(content));
  }

  /**
   * As {@link #line(StringBuilder, CharSequence)}, told whether {@code content} is all ASCII (one
   * octet per character): a caller that knows it from the pieces it joined saves a scan per line.
   */
  static void line(StringBuilder ics, CharSequence content, boolean ascii) {
    int n = content.length();
    if (n <= FOLD_AT && ascii) {
      ics.append(content).append("\r\n"); // the common case: short ASCII, nothing to fold
      return;
    }
    // Slices of a String are copied in bulk; slices of a StringBuilder one character at a time.
    String s = content.toString();
    if (ascii) { // 75 characters, then 74 after each fold's leading space
      int from = 0;
      for (int to = FOLD_AT; to < n; to += FOLD_AT - 1) {
        ics.append(s, from, to).append("\r\n ");
        from = to;
      }
      ics.append(s, from, n).append("\r\n");
      return;
    }
    int octets = 0;
    int unwritten = 0; // start of what is not yet appended: appended in runs, between folds
    for (int i = 0; i < n; ) {
      char c = s.charAt(i);
      int chars = 1;
      int size;
      if (c < 0x80) {
        size = 1;
      } else if (c < 0x800) {
        size = 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        chars = 2;
        size = 4;
      } else {
        size = Character.isSurrogate(c) ? 1 : 3; // a lone surrogate is encoded as '?'
      }
      if (octets + size > FOLD_AT) {
        ics.append(s, unwritten, i).append("\r\n ");
        unwritten = i;
        octets = 1;
      }
      octets += size;
      i += chars;
    }
    ics.append(s, unwritten, n).append("\r\n");
  }

  static boolean isAscii(CharSequence s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
