package dev.cadence.inbox;

import java.util.Locale;
import java.util.regex.Matcher;

/** The stretch of a bounce's text that speaks of one recipient. */
final class RecipientBlocks {
  /** Enough for a multi-line SMTP reply quoted after the address, not the rest of the bounce. */
  static final int REACH = 600;

  private RecipientBlocks() {}

  /**
   * The line that first mentions {@code address} and up to seven non-blank lines after it, stopping
   * at a line that starts with another address (the next recipient's entry), lowercase; empty when
   * the address is not mentioned.
   */
  static String near(String text, String address) {
    String lower = text.toLowerCase(Locale.ROOT);
    int at = lower.indexOf(address);
    if (at < 0) {
      return "";
    }
    int lineStart = lower.lastIndexOf('\n', at) + 1;
    StringBuilder block = new StringBuilder();
    int pos = lineStart;
    int lines = 0;
    while (pos < lower.length() && lines < 8 && block.length() < REACH) {
      int eol = lower.indexOf('\n', pos);
      String line = lower.substring(pos, eol < 0 ? lower.length() : eol);
      if (lines > 0 && startsWithOtherAddress(line, address)) {
        break;
      }
      if (!line.isBlank()) {
        block.append(line).append('\n');
        lines++;
      }
      pos = eol < 0 ? lower.length() : eol + 1;
    }
    return block.toString();
  }

  private static boolean startsWithOtherAddress(String line, String address) {
    Matcher m = Addresses.ADDRESS.matcher(line);
    return m.find()
        && line.substring(0, m.start()).replaceAll("[\\s<\"'(\\[]", "").isEmpty()
        && !Addresses.normalise(m.group()).equals(address);
  }
}
