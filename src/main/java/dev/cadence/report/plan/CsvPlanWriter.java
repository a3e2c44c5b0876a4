package dev.cadence.report.plan;

import dev.cadence.engine.DefaultPath.Plan;
import dev.cadence.engine.Due;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;

/** One row per planned touch: lead_id,cadence,step,channel,due,visit. */
final class CsvPlanWriter implements PlanWriter {
  private final PrintWriter out;

  CsvPlanWriter(PrintWriter out) {
    this.out = out;
    out.println("lead_id,cadence,step,channel,due,visit");
  }

  @Override
  public void write(Plan plan) {
    for (Due d : plan.touches()) {
      out.println(cell(plan.lead().id()) + "," + plan.end().cadence() + "," + d.step().id() + ","
          + d.step().channel().yamlName() + ","
          + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d.at().atZone(plan.end().zone()).toOffsetDateTime()) + "," + d.visit());
    }
  }

  /** Quotes a value from the lead list, and defuses a leading = + - @ so a spreadsheet never runs it. */
  static String cell(String value) {
    String v = value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  @Override
  public void close() {
    out.flush();
  }
}
