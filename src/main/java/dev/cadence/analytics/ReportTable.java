package dev.cadence.analytics;

import java.util.List;
import tech.tablesaw.api.Table;

/**
 * One table of the analysis, as renderers need it: its stable name (the JSON key and the {@code
 * --table} value), a title for people, the Tablesaw table whose column names are the JSON keys, the
 * columns that label a row, and the rate column drawn as a bar with its interval.
 *
 * @param labels the columns that identify a row (e.g. region, template)
 * @param rate the rate column, or null for a table without one
 * @param ciLow the rate's interval columns, or null
 */
public record ReportTable(
    String name,
    String title,
    Table table,
    List<String> labels,
    String rate,
    String ciLow,
    String ciHigh) {
  public ReportTable {
    labels = List.copyOf(labels);
  }

  public int rows() {
    return table.rowCount();
  }
}
