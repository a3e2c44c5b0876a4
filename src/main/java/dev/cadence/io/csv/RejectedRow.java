package dev.cadence.io.csv;

import java.util.List;

/**
 * A data row that was not loaded.
 *
 * @param line the physical line where the row starts in the file (1-based)
 * @param reason why, in words that name the fix
 * @param fields the row's fields as read (raw, unmapped; empty when the row could not be parsed)
 */
public record RejectedRow(long line, String reason, List<String> fields) {
  public RejectedRow {
    if (line < 1) {
      throw new IllegalArgumentException("line must be >= 1: " + line);
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a rejected row needs a reason");
    }
    fields = List.copyOf(fields);
  }

  /** "line 7: duplicate id `L-3` (first on line 4)", the form listed on stderr. */
  public String describe() {
    return "line " + line + ": " + reason;
  }
}
