package dev.cadence.io.csv;

import java.util.List;

/** What a streamed read saw: the header as written and how many rows were loaded and rejected. */
public record LeadReadSummary(List<String> header, long loaded, long rejected) {
  public LeadReadSummary {
    header = List.copyOf(header);
  }

  /** Data rows read: every one is either loaded or rejected. */
  public long rows() {
    return loaded + rejected;
  }
}
