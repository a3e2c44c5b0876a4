package dev.cadence.inbox;

import java.util.Objects;

/**
 * One leaf of a message's MIME tree, or an embedded message's head, flattened depth-first.
 *
 * @param type the lowercase MIME type ({@code text/plain}, {@code message/delivery-status}, ...)
 * @param text the decoded text of a text-like part (HTML with its tags stripped); empty for binary
 *     content, which is never kept
 * @param embedded for an embedded message ({@code message/rfc822}, {@code message/global}, {@code
 *     text/rfc822-headers}): its header fields, so that a judge can find the Message-ID and the To
 *     of the email that came back; {@link Headers#NONE} otherwise
 * @param depth how many embedded messages enclose this part: 0 for the message's own parts, 1 for
 *     the parts of a returned original, and so on
 */
public record MailPart(String type, String text, Headers embedded, int depth) {
  public MailPart {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(embedded, "embedded");
    if (depth < 0) {
      throw new IllegalArgumentException("depth " + depth + " is negative");
    }
  }

  /** A text part of the message itself. */
  public static MailPart text(String type, String text) {
    return new MailPart(type, text, Headers.NONE, 0);
  }

  public boolean isEmbeddedMessage() {
    return !embedded.isEmpty();
  }

  public boolean is(String mimeType) {
    return type.equals(mimeType);
  }
}
