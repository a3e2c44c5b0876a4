package dev.cadence.io.mail;

import dev.cadence.inbox.Headers;
import dev.cadence.inbox.MailMessage;
import dev.cadence.inbox.MailPart;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads raw message bytes (RFC 5322 with MIME, RFC 2045-2047) into a {@link MailMessage}. It never
 * throws for what it is given: a truncated multipart, an unknown charset or transfer encoding,
 * thousands of header fields, a huge attachment, deep nesting, NUL bytes or random bytes are each
 * read as well as they can be, and the problem is noted on the message.
 *
 * <p>It is bounded so that a hostile message costs little: binary parts are skipped without
 * decoding, a text part keeps at most {@link #MAX_TEXT} characters (decoded from at most {@link
 * #MAX_DECODED} bytes), nesting stops at {@link #MAX_DEPTH} levels and a message at {@link
 * #MAX_PARTS} parts. Hand-written rather than Jakarta Mail's parser, which decodes lazily through
 * streams and throws on most of the above; this reads a typical bounce in a few microseconds.
 */
public final class MailReader {
  public static final int MAX_DEPTH = 8;
  public static final int MAX_PARTS = 200;
  public static final int MAX_TEXT = 100_000;
  public static final int MAX_DECODED = 512 * 1024;

  private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]{1,250})>");

  /** Reads one message. */
  public MailMessage read(byte[] raw) {
    Walk walk = new Walk();
    HeaderBlock.Parsed top = HeaderBlock.read(raw, 0, raw.length, walk.problems);
    walk.entity(raw, top, raw.length, 0, 0, "text/plain");
    Headers headers = new Headers(top.fields());
    if (hasNul(raw)) {
      walk.problems.add("NUL bytes");
    }
    return new MailMessage(headers, messageId(headers), walk.parts, dedupe(walk.problems));
  }

  /**
   * The Message-ID of a message from its header section only: what tells whether it was read
   * before, without reading the rest.
   */
  public Optional<String> messageIdOf(byte[] raw) {
    return messageId(new Headers(HeaderBlock.read(raw, 0, raw.length, new ArrayList<>()).fields()));
  }

  private static Optional<String> messageId(Headers headers) {
    return headers
        .first("Message-ID")
        .flatMap(
            v -> {
              Matcher m = MESSAGE_ID.matcher(v);
              if (m.find()) {
                return Optional.of(m.group(1));
              }
              String bare = v.strip();
              return bare.isEmpty() || bare.indexOf(' ') >= 0 || bare.length() > 250
                  ? Optional.empty()
                  : Optional.of(bare);
            });
  }

  private static boolean hasNul(byte[] raw) {
    for (byte b : raw) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  private static List<String> dedupe(List<String> problems) {
    return problems.stream().distinct().limit(20).toList();
  }

  /** One read's state: the parts found so far and the problems met. */
  private static final class Walk {
    final List<MailPart> parts = new ArrayList<>();
    final List<String> problems = new ArrayList<>();

    /**
     * Reads the entity of {@code raw} whose header section was {@code head} and whose body ends at
     * {@code end}.
     *
     * @param nesting multiparts and messages around this entity, for the depth bound
     * @param enclosing embedded messages around this entity, for {@link MailPart#depth()}
     */
    void entity(
        byte[] raw, HeaderBlock.Parsed head, int end, int nesting, int enclosing, String fallback) {
      if (parts.size() >= MAX_PARTS) {
        problems.add("more than " + MAX_PARTS + " parts; the rest skipped");
        return;
      }
      Headers headers = new Headers(head.fields());
      ContentType type = ContentType.parse(headers.get("Content-Type"), fallback);
      String encoding = headers.get("Content-Transfer-Encoding").strip().toLowerCase(Locale.ROOT);
      int start = Math.min(head.bodyStart(), end);
      if (type.isMultipart()) {
        multipart(raw, type, start, end, nesting, enclosing);
      } else if (type.isEmbeddedMessage()) {
        embedded(raw, type, encoding, start, end, nesting, enclosing);
      } else if (type.isText()) {
        String text = text(raw, encoding, type.charset(), start, end);
        String readable =
            type.isHtml()
                ? HtmlText.of(text)
                : type.name().equals("message/delivery-status")
                    ? DeliveryStatusText.normalize(text)
                    : text;
        parts.add(new MailPart(type.name(), readable, Headers.NONE, enclosing));
      } else {
        parts.add(new MailPart(type.name(), "", Headers.NONE, enclosing));
      }
    }

    private void multipart(
        byte[] raw, ContentType type, int start, int end, int nesting, int enclosing) {
      Optional<String> boundary = type.boundary();
      if (boundary.isEmpty()) {
        problems.add(type.name() + " without a boundary, read as text");
        String text = text(raw, "", "", start, end);
        parts.add(new MailPart("text/plain", text, Headers.NONE, enclosing));
        return;
      }
      if (nesting >= MAX_DEPTH) {
        problems.add("nesting deeper than " + MAX_DEPTH + " levels; the rest skipped");
        return;
      }
      String child = type.name().equals("multipart/digest") ? "message/rfc822" : "text/plain";
      List<int[]> bodies = Multipart.split(raw, start, end, boundary.get(), problems);
      if (bodies.isEmpty()) {
        // No boundary line at all: what there is, is read as text rather than lost.
        parts.add(
            new MailPart("text/plain", text(raw, "", "", start, end), Headers.NONE, enclosing));
        return;
      }
      for (int[] body : bodies) {
        HeaderBlock.Parsed head = HeaderBlock.read(raw, body[0], body[1], problems);
        entity(raw, head, body[1], nesting + 1, enclosing, child);
      }
    }

    private void embedded(
        byte[] raw,
        ContentType type,
        String encoding,
        int start,
        int end,
        int nesting,
        int enclosing) {
      if (nesting >= MAX_DEPTH) {
        problems.add("nesting deeper than " + MAX_DEPTH + " levels; the rest skipped");
        return;
      }
      byte[] bytes = raw;
      int from = start;
      int to = end;
      if (encoding.equals("base64") || encoding.equals("quoted-printable")) {
        bytes = decode(raw, encoding, start, Math.min(end, start + 4 * MAX_DECODED));
        from = 0;
        to = bytes.length;
      }
      HeaderBlock.Parsed head = HeaderBlock.read(bytes, from, to, problems);
      boolean headersOnly = type.name().endsWith("-headers");
      String text =
          headersOnly ? clip(HeaderBlock.text(bytes, from, Math.min(to, from + MAX_DECODED))) : "";
      parts.add(new MailPart(type.name(), text, new Headers(head.fields()), enclosing));
      if (!headersOnly) {
        entity(bytes, head, to, nesting + 1, enclosing + 1, "text/plain");
      }
    }

    private String text(byte[] raw, String encoding, String charsetName, int start, int end) {
      int budget = encoding.equals("base64") ? MAX_DECODED * 4 / 3 : MAX_DECODED;
      int limit = Math.min(end, start + budget);
      if (limit < end) {
        problems.add("text part longer than " + MAX_DECODED + " bytes cut");
      }
      byte[] bytes = raw;
      int from = start;
      int to = limit;
      if (encoding.equals("base64") || encoding.equals("quoted-printable")) {
        bytes = decode(raw, encoding, start, limit);
        from = 0;
        to = bytes.length;
      } else if (!encoding.isEmpty()
          && !encoding.equals("7bit")
          && !encoding.equals("8bit")
          && !encoding.equals("binary")) {
        problems.add("unknown transfer encoding " + encoding + ", read as 8bit");
      }
      if (charsetName.isEmpty()) {
        return clip(HeaderBlock.text(bytes, from, to)); // no label: UTF-8 if it is, else 1252
      }
      Optional<Charset> known = Charsets.lookup(charsetName);
      if (known.isEmpty()) {
        problems.add("unknown charset " + charsetName + ", read as windows-1252");
      }
      return clip(new String(bytes, from, to - from, known.orElse(Charsets.fallback())));
    }

    private static byte[] decode(byte[] raw, String encoding, int start, int end) {
      return encoding.equals("base64")
          ? TransferDecoding.base64(raw, start, end)
          : TransferDecoding.quotedPrintable(raw, start, end, false);
    }

    private String clip(String text) {
      String t = text.indexOf('\r') >= 0 ? text.replace("\r\n", "\n").replace('\r', '\n') : text;
      if (t.indexOf('\0') >= 0) {
        t = t.replace('\0', ' ');
      }
      if (t.length() > MAX_TEXT) {
        problems.add("text cut to " + MAX_TEXT + " characters");
        return t.substring(0, MAX_TEXT);
      }
      return t;
    }
  }
}
