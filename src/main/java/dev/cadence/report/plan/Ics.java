package dev.cadence.report.plan;

import java.nio.charset.StandardCharsets;

/** iCalendar (RFC 5545) text pieces shared by the plan and task calendars. */
public final class Ics {
  private Ics() {}

  /** Escapes TEXT values (RFC 5545 3.3.11). */
  public static String text(String s) {
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
  }

  /** Writes a content line with CRLF, folded at 75 octets without splitting a UTF-8 character. */
  public static void line(StringBuilder ics, String content) {
    if (content.length() <= 75 && content.chars().allMatch(c -> c < 0x80)) {
      ics.append(content).append("\r\n"); // the common case: short ASCII, nothing to fold
      return;
    }
    StringBuilder folded = new StringBuilder();
    int octets = 0;
    for (int i = 0; i < content.length(); ) {
      int cp = content.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > 75) {
        folded.append("\r\n ");
        octets = 1;
      }
      folded.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    ics.append(folded).append("\r\n");
  }
}
