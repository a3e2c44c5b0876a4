package dev.cadence.report.analyze;

import dev.cadence.analytics.Analysis;
import dev.cadence.analytics.DataQuality;
import dev.cadence.analytics.ReportTable;
import dev.cadence.report.Markdown;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.columns.Column;

/** The analysis as GitHub-flavoured Markdown, for a pull request or a wiki page. */
final class MarkdownReport {
  private MarkdownReport() {}

  static void render(Analysis a, List<ReportTable> tables, PrintWriter out) {
    out.print("# Outcome analysis\n\n" + escape(TextReport.summaryLine(a)) + ".\n");
    for (ReportTable t : tables) {
      out.print("\n## " + t.title() + "\n\n");
      List<String> headers = new ArrayList<>();
      List<String> align = new ArrayList<>();
      for (Column<?> c : t.table().columns()) {
        if (c.name().equals(t.ciLow()) || c.name().equals(t.ciHigh())) {
          continue;
        }
        headers.add(Values.headerOf(c.name()));
        align.add(Values.isNumeric(c) ? "---:" : "---");
        if (c.name().equals(t.rate())) {
          headers.add("95% CI");
          align.add("---:");
        }
      }
      out.print("| " + String.join(" | ", headers) + " |\n");
      out.print("| " + String.join(" | ", align) + " |\n");
      for (int r = 0; r < t.rows(); r++) {
        List<String> cells = new ArrayList<>();
        for (Column<?> c : t.table().columns()) {
          if (c.name().equals(t.ciLow()) || c.name().equals(t.ciHigh())) {
            continue;
          }
          cells.add(escape(Values.human(t, c, r)));
          if (c.name().equals(t.rate())) {
            cells.add(Values.interval(t, r));
          }
        }
        out.print("| " + String.join(" | ", cells) + " |\n");
      }
      if (t.rows() == 0) {
        out.print("\n_No touches._\n");
      }
    }
    out.print("\n## Data quality\n\n");
    if (a.findings().isEmpty() && a.problems().isEmpty()) {
      out.print("No findings.\n");
    }
    for (String p : a.problems()) {
      out.print("- **error**: " + escape(p) + "\n");
    }
    for (DataQuality.Finding f : a.findings()) {
      out.print(
          String.format(
                  Locale.ROOT,
                  "- `%s`: %,d %s (%s)%n",
                  f.issue().code(),
                  f.count(),
                  f.issue().effect().text(),
                  escape(f.issue().description()))
              .replace(System.lineSeparator(), "\n"));
      for (DataQuality.Example e : f.examples()) {
        out.print(
            "  - "
                + Markdown.code(e.source().replace("`", "'") + ":" + e.line())
                + ": "
                + escape(e.detail())
                + "\n");
      }
    }
    out.flush();
  }

  /** Log values as text: no HTML, no link, no pipe that would end a cell (see Markdown). */
  static String escape(String s) {
    return Markdown.text(s);
  }
}
