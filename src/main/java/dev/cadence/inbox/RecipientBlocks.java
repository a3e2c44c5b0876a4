package dev.cadence.inbox;

import java.util.Locale;

/** The stretch of a bounce's text that speaks of one recipient. */
final class RecipientBlocks {
  /** Enough for a multi-line SMTP reply quoted after the address, not the rest of the bounce. */
  static final int REACH = 600;

  private RecipientBlocks() {}

  /**
   * The text from the first mention of {@code address} to the next blank line after at least one
   * non-blank line, at most {@link #REACH} characters; empty when the address is not mentioned.
   */
  static String near(String text, String address) {
    String lower = text.toLowerCase(Locale.ROOT);
    int at = lower.indexOf(address);
    if (at < 0) {
      return "";
    }
    int end = Math.min(lower.length(), at + REACH);
    int paragraph = lower.indexOf("\n\n", at + address.length());
    if (paragraph > 0 && paragraph < end) {
      int next = lower.indexOf("\n\n", paragraph + 2);
      // A server reply often sits in the paragraph right after the address line.
      end = next > 0 && next < end ? next : end;
    }
    return lower.substring(at, end);
  }
}
