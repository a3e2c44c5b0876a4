package dev.cadence.report.plan;

import java.io.PrintWriter;
import java.time.Instant;

/** The output formats of {@code cadence plan}. */
public enum PlanFormat {
  TEXT,
  JSON,
  CSV,
  ICS;

  /**
   * @param byDay for text: one agenda by day instead of a table per lead
   * @param stamp the DTSTAMP of calendar events (the run's clock, so output is reproducible)
   */
  public PlanWriter writer(PrintWriter out, boolean byDay, Instant stamp) {
    return switch (this) {
      case TEXT -> byDay ? new AgendaPlanWriter(out) : new TextPlanWriter(out);
      case JSON -> new JsonPlanWriter(out);
      case CSV -> new CsvPlanWriter(out);
      case ICS -> new IcsPlanWriter(out, stamp);
    };
  }
}
