package dev.cadence.io.mail;

import java.util.Objects;

/**
 * One message as a file source hands it over.
 *
 * @param source where it was read, as the output names it: the file path, {@code PATH#N} for the
 *     Nth message (1-based) of an mbox, {@code -} for standard input
 * @param raw its bytes as stored
 */
public record SourcedMessage(String source, byte[] raw) {
  public SourcedMessage {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(raw, "raw");
  }

  /** SHA-256 of the raw bytes: the identity of a message without a Message-ID. */
  public String contentHash() {
    return ContentHash.of(raw);
  }
}
