package dev.cadence.report.analyze;

import dev.cadence.analytics.Analysis;
import dev.cadence.analytics.ReportTable;
import java.io.PrintWriter;
import java.util.List;

/** How {@code analyze} prints its analysis; every format renders the same {@link Analysis}. */
public enum AnalyzeFormat {
  TEXT,
  JSON,
  CSV,
  MARKDOWN,
  HTML;

  /**
   * Renders {@code tables} of {@code a} (all metric tables unless one was chosen with --table).
   *
   * @param bars draw bar charts in text (only on a terminal)
   */
  public void render(Analysis a, List<ReportTable> tables, boolean bars, PrintWriter out) {
    switch (this) {
      case JSON -> JsonReport.render(a, tables, out);
      case CSV -> {
        if (tables.size() != 1) {
          throw new IllegalArgumentException("CSV holds one table: choose it with --table");
        }
        CsvReport.render(tables.get(0), out);
      }
      case MARKDOWN -> MarkdownReport.render(a, tables, out);
      case HTML -> HtmlReport.render(a, tables, out);
      default -> TextReport.render(a, tables, bars, out);
    }
  }

  /** The tables shown when --table is not given: every metric, not the raw cube. */
  public static List<ReportTable> defaultTables(Analysis a) {
    return JsonReport.defaultTables(a);
  }
}
