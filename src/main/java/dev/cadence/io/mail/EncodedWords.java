package dev.cadence.io.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 2047 encoded words in header values ({@code =?charset?B|Q?text?=}). Adjacent words in one
 * charset are joined before decoding, so a character split across two words survives; blanks
 * between encoded words are dropped, as the RFC says. A word in an unknown charset stays as it was
 * written and the problem is noted.
 */
final class EncodedWords {
  private static final Pattern WORD =
      Pattern.compile("=\\?([^?\\s]{1,40})\\?([bBqQ])\\?([^?\\s]*)\\?=");

  private EncodedWords() {}

  static String decode(String value, List<String> problems) {
    if (value.indexOf("=?") < 0) {
      return value;
    }
    Matcher m = WORD.matcher(value);
    StringBuilder out = new StringBuilder(value.length());
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    Charset pendingCharset = null;
    int last = 0;
    while (m.find()) {
      String between = value.substring(last, m.start());
      Optional<Charset> charset = Charsets.lookup(m.group(1));
      if (charset.isEmpty()) {
        problems.add("unknown charset " + m.group(1) + " in a header");
        flush(out, pending, pendingCharset);
        pendingCharset = null;
        out.append(between).append(m.group());
        last = m.end();
        continue;
      }
      boolean adjacent = pendingCharset != null && between.isBlank();
      if (!adjacent || !charset.get().equals(pendingCharset)) {
        flush(out, pending, pendingCharset);
        if (!adjacent) {
          out.append(between);
        }
      }
      pendingCharset = charset.get();
      byte[] text = m.group(3).getBytes(StandardCharsets.ISO_8859_1);
      byte[] bytes =
          m.group(2).equalsIgnoreCase("B")
              ? TransferDecoding.base64(text, 0, text.length)
              : TransferDecoding.quotedPrintable(text, 0, text.length, true);
      pending.writeBytes(bytes);
      last = m.end();
    }
    flush(out, pending, pendingCharset);
    out.append(value, last, value.length());
    return out.toString();
  }

  private static void flush(StringBuilder out, ByteArrayOutputStream pending, Charset charset) {
    if (pending.size() > 0 && charset != null) {
      out.append(new String(pending.toByteArray(), charset));
    }
    pending.reset();
  }
}
