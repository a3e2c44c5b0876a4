package dev.cadence.io.mail;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The Subject header's value. ASCII text goes as it is (folded at spaces by the mail library);
 * other text becomes RFC 2047 encoded words, cut so that every line of the header stays within the
 * 76 characters RFC 2047 allows a line that holds encoded words, the "Subject: " before the first
 * word included. The mail library's own encoder leaves that prefix out and wrote first lines of 82
 * or 83 characters.
 */
final class SubjectHeader {
  static final String NAME = "Subject";

  /** RFC 2047, section 2: a line that holds an encoded word is at most 76 characters long. */
  static final int MAX_LINE = 76;

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private SubjectHeader() {}

  /**
   * Whether the mail library leaves {@code subject} unencoded (printable ASCII and tabs), so that
   * its own folding at spaces applies.
   */
  static boolean isAscii(String subject) {
    for (int i = 0; i < subject.length(); i++) {
      if (needsEncoding(subject.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The mail library's test for a character that an unencoded header cannot carry. */
  private static boolean needsEncoding(char c) {
    return c >= 0x7f || (c < 0x20 && c != '\r' && c != '\n' && c != '\t');
  }

  /**
   * {@code subject} as encoded words, one per line, lines after the first starting with a space
   * (folding white space, which decoders drop between encoded words). Each word holds whole
   * characters, never half of a UTF-8 sequence or of a surrogate pair. Q encoding when most
   * characters are ASCII (readable), else B, as the mail library chooses.
   */
  static String encode(String subject) {
    boolean q = mostlyAscii(subject);
    String prefix = q ? "=?UTF-8?Q?" : "=?UTF-8?B?";
    int overhead = prefix.length() + 2; // and "?=" at the end
    StringBuilder out = new StringBuilder(subject.length() * 3);
    int room = MAX_LINE - (NAME.length() + 2); // "Subject: " on the first line
    int start = 0;
    while (start < subject.length()) {
      // The longest run of whole characters whose word fits; at least one character, which
      // always fits (4 bytes are at most 12 characters encoded).
      int end = start;
      int bytes = 0;
      int qLength = 0;
      while (end < subject.length()) {
        int next = subject.offsetByCodePoints(end, 1);
        byte[] piece = subject.substring(end, next).getBytes(StandardCharsets.UTF_8);
        int length = q ? qLength + qLength(piece) : (bytes + piece.length + 2) / 3 * 4;
        if (end > start && overhead + length > room) {
          break;
        }
        bytes += piece.length;
        qLength += q ? qLength(piece) : 0;
        end = next;
      }
      byte[] word = subject.substring(start, end).getBytes(StandardCharsets.UTF_8);
      if (start > 0) {
        out.append("\r\n ");
      }
      out.append(prefix);
      if (q) {
        appendQ(out, word);
      } else {
        out.append(Base64.getEncoder().encodeToString(word));
      }
      out.append("?=");
      start = end;
      room = MAX_LINE - 1; // the folding space
    }
    return out.toString();
  }

  /** The length of {@code bytes} in Q encoding. */
  private static int qLength(byte[] bytes) {
    int n = 0;
    for (byte b : bytes) {
      n += literalInQ(b) || b == ' ' ? 1 : 3;
    }
    return n;
  }

  /**
   * RFC 2047 Q encoding for unstructured text (section 4.2): a space as '_', printable ASCII but
   * '=', '?' and '_' as itself, every other byte as =XX.
   */
  private static void appendQ(StringBuilder out, byte[] bytes) {
    for (byte b : bytes) {
      if (b == ' ') {
        out.append('_');
      } else if (literalInQ(b)) {
        out.append((char) b);
      } else {
        out.append('=').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
  }

  private static boolean literalInQ(byte b) {
    return b > ' ' && b < 0x7f && b != '=' && b != '?' && b != '_';
  }

  /** More plain characters than others, as the mail library decides between Q and B. */
  private static boolean mostlyAscii(String subject) {
    int plain = 0;
    for (int i = 0; i < subject.length(); i++) {
      if (!needsEncoding(subject.charAt(i))) {
        plain++;
      }
    }
    return plain > subject.length() - plain;
  }
}
