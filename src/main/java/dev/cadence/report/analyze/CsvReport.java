package dev.cadence.report.analyze;

import dev.cadence.analytics.ReportTable;
import dev.cadence.io.log.OutcomeLog;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.columns.Column;

/**
 * One table as CSV: a header of its column names (the JSON keys), one row per line, rates as
 * fractions to six decimals, missing values empty; cells quoted and defused against spreadsheet
 * formulas like every CSV the tool writes.
 */
final class CsvReport {
  private CsvReport() {}

  static void render(ReportTable t, PrintWriter out) {
    List<String> cells = new ArrayList<>();
    for (Column<?> c : t.table().columns()) {
      cells.add(OutcomeLog.cell(c.name()));
    }
    out.print(String.join(",", cells) + "\n");
    for (int r = 0; r < t.rows(); r++) {
      cells.clear();
      for (Column<?> c : t.table().columns()) {
        cells.add(OutcomeLog.cell(Values.machine(c, r)));
      }
      out.print(String.join(",", cells) + "\n");
    }
    out.flush();
  }
}
