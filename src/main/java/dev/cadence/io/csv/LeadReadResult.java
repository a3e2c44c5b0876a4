package dev.cadence.io.csv;

import dev.cadence.model.Lead;
import java.util.List;

/**
 * A whole lead list in memory: the loaded leads in file order, the rejected rows in file order, and
 * the file's header as written (for the rejects CSV).
 */
public record LeadReadResult(List<Lead> leads, List<RejectedRow> rejects, List<String> header) {
  public LeadReadResult {
    leads = List.copyOf(leads);
    rejects = List.copyOf(rejects);
    header = List.copyOf(header);
  }
}
