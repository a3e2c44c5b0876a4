package dev.cadence.report.plan;

import dev.cadence.engine.DefaultPath.Plan;
import dev.cadence.engine.Due;
import dev.cadence.io.log.OutcomeLog;
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
    String lead =
        OutcomeLog.cell(plan.lead().id()); // the log's CSV dialect: quoted, formulas defused
    StringBuilder rows = new StringBuilder(plan.touches().size() * (lead.length() + 80));
    for (Due d : plan.touches()) {
      rows.append(lead)
          .append(',')
          .append(plan.end().cadence())
          .append(',')
          .append(d.step().id())
          .append(',')
          .append(d.step().channel().yamlName())
          .append(',');
      IsoTime.append(rows, d.at(), plan.end().zone()).append(',').append(d.visit()).append('\n');
    }
    return rows.toString();
  }

  @Override
  public void write(Plan plan, String rendered) {
    out.print(rendered);
  }

  @Override
  public void close() {
    out.flush();
  }
}
