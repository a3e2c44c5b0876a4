package dev.cadence.report.plan;

import dev.cadence.engine.DefaultPath.Plan;
import dev.cadence.engine.Due;
import java.io.PrintWriter;

/** One row per planned touch: lead_id,cadence,step,channel,due,visit. */
final class CsvPlanWriter implements PlanWriter {
  private final PrintWriter out;

  CsvPlanWriter(PrintWriter out) {
    this.out = out;
    out.println("lead_id,cadence,step,channel,due,visit");
  }

  @Override
  public String render(Plan plan) {
    StringBuilder rows = new StringBuilder();
    String lead = cell(plan.lead().id());
    for (Due d : plan.touches()) {
      rows.append(lead).append(',').append(plan.end().cadence()).append(',').append(d.step().id()).append(',')
          .append(d.step().channel().yamlName()).append(',').append(IsoTime.format(d.at(), plan.end().zone()))
          .append(',').append(d.visit()).append('\n');
    }
    return rows.toString();
  }

  @Override
  public void write(Plan plan, String rendered) {
    out.print(rendered);
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
