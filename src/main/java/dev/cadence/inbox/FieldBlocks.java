package dev.cadence.inbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The header-style blocks of a machine-readable report part (RFC 3464 delivery-status, RFC 5965
 * feedback-report): groups of {@code Name: value} lines separated by blank lines, folded lines
 * unfolded. Lines that are not fields are skipped, as report readers must be lenient.
 */
final class FieldBlocks {
  private FieldBlocks() {}

  static List<Headers> parse(String text) {
    List<Headers> blocks = new ArrayList<>();
    List<Header> block = new ArrayList<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    for (String line : text.split("\r?\n|\r", -1)) {
      if (line.isBlank()) {
        name = flush(name, value, block);
        if (!block.isEmpty()) {
          blocks.add(new Headers(block));
          block = new ArrayList<>();
        }
      } else if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
        value.append(' ').append(line.strip());
      } else {
        name = flush(name, value, block);
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).strip().indexOf(' ') < 0) {
          name = line.substring(0, colon).strip();
          value.append(line.substring(colon + 1).strip());
        }
      }
    }
    flush(name, value, block);
    if (!block.isEmpty()) {
      blocks.add(new Headers(block));
    }
    return blocks;
  }

  private static String flush(String name, StringBuilder value, List<Header> into) {
    if (name != null) {
      into.add(new Header(name, value.toString()));
    }
    value.setLength(0);
    return null;
  }

  /** {@code rfc822; a@b} -> {@code a@b}: the address type prefix of RFC 3464 fields dropped. */
  static String withoutType(String value) {
    int semicolon = value.indexOf(';');
    return (semicolon >= 0 ? value.substring(semicolon + 1) : value).strip();
  }
}
