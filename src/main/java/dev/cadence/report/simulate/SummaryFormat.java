package dev.cadence.report.simulate;

import java.io.PrintWriter;

/** How {@code simulate} prints its summary. */
public enum SummaryFormat {
  TEXT,
  JSON;

  public void render(SimulationReport report, PrintWriter out) {
    if (this == JSON) {
      JsonSummary.render(report, out);
    } else {
      TextSummary.render(report, out);
    }
  }
}
