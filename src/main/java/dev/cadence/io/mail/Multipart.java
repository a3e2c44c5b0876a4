package dev.cadence.io.mail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a multipart body at its boundary lines (RFC 2046 section 5.1.1): each body part runs from
 * after a {@code --boundary} line to the line break before the next one. A body that ends without
 * the closing {@code --boundary--} keeps what it has and notes a truncated multipart.
 */
final class Multipart {
  private Multipart() {}

  /** The {@code [start, end)} byte ranges of the body parts. */
  static List<int[]> split(byte[] raw, int from, int to, String boundary, List<String> problems) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<int[]> parts = new ArrayList<>();
    int partStart = -1;
    int pos = from;
    boolean closed = false;
    while (pos < to) {
      int eol = HeaderBlock.lineEnd(raw, pos, to);
      if (startsWith(raw, pos, eol, delimiter)) {
        int after = pos + delimiter.length;
        boolean closing = after + 2 <= eol && raw[after] == '-' && raw[after + 1] == '-';
        if (closing || restIsBlank(raw, after, eol)) {
          if (partStart >= 0) {
            parts.add(new int[] {partStart, lineBreakBefore(raw, partStart, pos)});
          }
          if (closing) {
            closed = true;
            break;
          }
          partStart = eol < to ? eol + 1 : to;
        }
      }
      pos = eol + 1;
    }
    if (!closed) {
      if (partStart >= 0) {
        parts.add(new int[] {partStart, to});
      }
      problems.add(
          partStart < 0
              ? "multipart without any boundary line"
              : "truncated multipart (no closing boundary)");
    }
    return parts;
  }

  private static boolean startsWith(byte[] raw, int pos, int eol, byte[] delimiter) {
    if (eol - pos < delimiter.length || raw[pos] != '-') {
      return false;
    }
    for (int i = 0; i < delimiter.length; i++) {
      if (raw[pos + i] != delimiter[i]) {
        return false;
      }
    }
    return true;
  }

  /** Transport padding after a delimiter: blanks and a CR. */
  private static boolean restIsBlank(byte[] raw, int from, int to) {
    for (int i = from; i < to; i++) {
      if (raw[i] != ' ' && raw[i] != '\t' && raw[i] != '\r') {
        return false;
      }
    }
    return true;
  }

  /** The end of a part: the CRLF or LF before the next delimiter belongs to the delimiter. */
  private static int lineBreakBefore(byte[] raw, int partStart, int delimiterStart) {
    int end = delimiterStart;
    if (end > partStart && raw[end - 1] == '\n') {
      end--;
      if (end > partStart && raw[end - 1] == '\r') {
        end--;
      }
    }
    return end;
  }
}
