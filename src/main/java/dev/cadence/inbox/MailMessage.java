package dev.cadence.inbox;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A received message as the judge sees it: plain values, no mail library.
 *
 * @param headers the top-level header fields, unfolded and RFC 2047-decoded, in order
 * @param messageId the Message-ID without its angle brackets, if the message has one
 * @param parts the MIME leaves and embedded message heads, depth-first
 * @param problems what the reader could not read cleanly (a truncated multipart, an unknown
 *     charset, ...): the judge cites them when it leaves a message alone
 */
public record MailMessage(
    Headers headers, Optional<String> messageId, List<MailPart> parts, List<String> problems) {
  public MailMessage {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(messageId, "messageId");
    parts = List.copyOf(parts);
    problems = List.copyOf(problems);
  }

  public String subject() {
    return headers.get("Subject");
  }

  public String from() {
    return headers.get("From");
  }

  /**
   * The message's own text: its text/plain parts outside embedded messages, joined; the HTML parts
   * (tags stripped) only when there is no plain text, since most HTML is an alternative.
   */
  public String ownText() {
    String plain = ownText("text/plain");
    return plain.isBlank() ? ownText("text/html") : plain;
  }

  private String ownText(String type) {
    StringBuilder text = new StringBuilder();
    for (MailPart part : parts) {
      if (part.depth() == 0 && !part.isEmbeddedMessage() && part.is(type)) {
        if (text.length() > 0) {
          text.append('\n');
        }
        text.append(part.text());
      }
    }
    return text.toString();
  }

  /** The first part of this type outside embedded messages, if any. */
  public Optional<MailPart> part(String type) {
    for (MailPart part : parts) {
      if (part.depth() == 0 && part.is(type)) {
        return Optional.of(part);
      }
    }
    return Optional.empty();
  }

  /** The head of the first embedded message (the original of a bounce or report), if any. */
  public Optional<Headers> embeddedHeaders() {
    for (MailPart part : parts) {
      if (part.isEmbeddedMessage()) {
        return Optional.of(part.embedded());
      }
    }
    return Optional.empty();
  }
}
