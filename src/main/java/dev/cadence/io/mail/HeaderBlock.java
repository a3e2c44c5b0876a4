package dev.cadence.io.mail;

import dev.cadence.inbox.Header;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the header section of a message or MIME entity from raw bytes: folded lines unfolded,
 * values RFC 2047-decoded, raw UTF-8 accepted (RFC 6532) and other 8-bit bytes read as
 * windows-1252. Control characters (a CR or LF smuggled in an encoded word, NUL) become spaces, so
 * that no value can pose as two fields. At most {@link #MAX_FIELDS} fields are kept.
 */
final class HeaderBlock {
  static final int MAX_FIELDS = 1000;

  /** The fields and where the body starts. */
  record Parsed(List<Header> fields, int bodyStart) {}

  private HeaderBlock() {}

  static Parsed read(byte[] raw, int from, int to, List<String> problems) {
    List<Header> fields = new ArrayList<>();
    int pos = from;
    int fieldStart = -1;
    int fieldEnd = -1;
    int dropped = 0;
    int malformed = 0;
    while (pos < to) {
      int eol = lineEnd(raw, pos, to);
      int contentEnd = eol;
      if (contentEnd > pos && raw[contentEnd - 1] == '\r') {
        contentEnd--;
      }
      int next = eol < to ? eol + 1 : to;
      if (contentEnd == pos) { // the blank line that ends the header section
        pos = next;
        break;
      }
      byte first = raw[pos];
      if ((first == ' ' || first == '\t') && fieldStart >= 0) {
        fieldEnd = contentEnd; // a continuation: the field goes on
      } else {
        if (fieldStart >= 0) {
          dropped += add(raw, fieldStart, fieldEnd, fields, problems) ? 0 : 1;
        }
        if (indexOfColon(raw, pos, contentEnd) > 0) {
          fieldStart = pos;
          fieldEnd = contentEnd;
        } else if (fields.isEmpty() && fieldStart < 0 && pos == from && !looksLikeFrom(raw, pos)) {
          // No header section at all: the whole entity is body.
          return new Parsed(List.of(), from);
        } else {
          malformed++;
          fieldStart = -1;
        }
      }
      pos = next;
    }
    if (fieldStart >= 0) {
      dropped += add(raw, fieldStart, fieldEnd, fields, problems) ? 0 : 1;
    }
    if (dropped > 0) {
      problems.add(
          (fields.size() + dropped) + " header fields; only the first " + MAX_FIELDS + " kept");
    }
    if (malformed > 0) {
      problems.add(malformed + " malformed header line" + (malformed == 1 ? "" : "s") + " skipped");
    }
    return new Parsed(fields, pos);
  }

  /** An mbox "From " line left at the top of a message: skipped as a malformed line. */
  private static boolean looksLikeFrom(byte[] raw, int pos) {
    return pos + 5 <= raw.length
        && raw[pos] == 'F'
        && raw[pos + 1] == 'r'
        && raw[pos + 2] == 'o'
        && raw[pos + 3] == 'm'
        && raw[pos + 4] == ' ';
  }

  private static boolean add(
      byte[] raw, int from, int to, List<Header> fields, List<String> problems) {
    if (fields.size() >= MAX_FIELDS) {
      return false;
    }
    int colon = indexOfColon(raw, from, to);
    String name = new String(raw, from, colon - from, StandardCharsets.ISO_8859_1).strip();
    String value = EncodedWords.decode(unfold(text(raw, colon + 1, to)), problems);
    fields.add(new Header(name, clean(value)));
    return true;
  }

  /** The index of the name-ending colon, or -1 when the line is not {@code name: value}. */
  private static int indexOfColon(byte[] raw, int from, int to) {
    for (int i = from; i < to && i - from < 100; i++) {
      byte b = raw[i];
      if (b == ':') {
        return i > from ? i : -1;
      }
      if (b <= ' ' || b >= 127) {
        return -1; // RFC 5322 field names are printable ASCII without blanks
      }
    }
    return -1;
  }

  static int lineEnd(byte[] raw, int from, int to) {
    for (int i = from; i < to; i++) {
      if (raw[i] == '\n') {
        return i;
      }
    }
    return to;
  }

  /** Bytes as text: ASCII and UTF-8 as they are, anything else as windows-1252. */
  static String text(byte[] raw, int from, int to) {
    boolean ascii = true;
    for (int i = from; i < to; i++) {
      if (raw[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(raw, from, to - from, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw, from, to - from))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(raw, from, to - from, Charsets.fallback());
    }
  }

  private static String unfold(String value) {
    if (value.indexOf('\n') < 0) {
      return value.strip();
    }
    return value.replaceAll("\r?\n[ \t]+", " ").replace("\r", "").replace("\n", " ").strip();
  }

  private static String clean(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        StringBuilder s = new StringBuilder(value.length());
        for (int j = 0; j < value.length(); j++) {
          char c = value.charAt(j);
          s.append(Character.isISOControl(c) ? ' ' : c);
        }
        return s.toString().strip();
      }
    }
    return value;
  }
}
