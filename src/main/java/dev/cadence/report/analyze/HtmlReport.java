package dev.cadence.report.analyze;

import dev.cadence.analytics.Analysis;
import dev.cadence.analytics.DataQuality;
import dev.cadence.analytics.ReportTable;
import dev.cadence.analytics.recommend.Recommendation;
import dev.cadence.analytics.recommend.Recommender;
import dev.cadence.report.recommend.Wording;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.columns.Column;

/**
 * The analysis as one self-contained HTML file: inline CSS, the recommendations, and per rate table
 * an inline SVG chart (a bar per row with its 95% interval as a whisker), then the table itself. No
 * script, font, image or style sheet is fetched: the file opens offline and can be mailed as is.
 * Text keeps to a readable measure; tables take the width they need (never wrapping a cell) and
 * scroll sideways in a narrow window.
 */
final class HtmlReport {
  /** The bars' width at 100%. */
  private static final int PLOT = 430;

  /** Right of the bars: a whisker may end at 100% and its value, "100.0%", follows it. */
  private static final int VALUE_ROOM = 70;

  private static final int ROW = 22;

  private HtmlReport() {}

  static void render(Analysis a, List<ReportTable> tables, PrintWriter out) {
    StringBuilder b = new StringBuilder(1 << 14);
    b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Outcome analysis</title>\n<style>\n")
        .append(
            "body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}p,ul,ol{max-width:60em}\n")
        .append(
            ".table{overflow-x:auto;margin:.5em 0 2em}table{border-collapse:collapse}"
                + "th,td{padding:.2em .6em;border-bottom:1px solid #ddd;white-space:nowrap}\n")
        .append(
            "th{text-align:left;background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}\n")
        .append(
            "svg{display:block;margin:.5em 0}.bar{fill:#4c78a8}.ci{stroke:#222;stroke-width:1.5}\n")
        .append("svg text{font:12px system-ui,sans-serif;fill:#222}.axis{stroke:#999}\n")
        .append("li code{background:#f4f4f4}#recommendations li{margin-bottom:.5em}\n")
        .append("</style>\n</head>\n<body>\n");
    b.append("<h1>Outcome analysis</h1>\n<p id=\"summary\">")
        .append(esc(TextReport.summaryLine(a)))
        .append(".</p>\n");
    recommendations(a, b);
    for (ReportTable t : tables) {
      b.append("<section id=\"")
          .append(t.name())
          .append("\">\n<h2>")
          .append(esc(t.title()))
          .append("</h2>\n");
      if (t.rate() != null && t.rows() > 0) {
        chart(t, b);
      }
      table(t, b);
      b.append("</section>\n");
    }
    quality(a, b);
    b.append("</body>\n</html>\n");
    out.print(b);
    out.flush();
  }

  /**
   * What {@code cadence recommend} says of these touches, as the JSON report's {@code
   * recommendations} list them, in the sentences of {@code recommend}'s text.
   */
  private static void recommendations(Analysis a, StringBuilder b) {
    List<Recommendation> items =
        Recommender.recommend(a.cube().cells(), List.of(), a.tests()).items();
    b.append("<section id=\"recommendations\">\n<h2>Recommendations</h2>\n");
    if (items.isEmpty()) {
      b.append("<p>No recommendation from these touches.</p>\n");
    } else {
      b.append("<ol>\n");
      for (Recommendation r : items) {
        b.append("<li data-type=\"")
            .append(esc(r.type()))
            .append("\"><strong>")
            .append(esc(Wording.title(r)))
            .append("</strong> (cadence <code>")
            .append(esc(r.cadence()))
            .append("</code>)<br>")
            .append(esc(Wording.evidence(r)))
            .append("</li>\n");
      }
      b.append("</ol>\n");
    }
    b.append("</section>\n");
  }

  private static void chart(ReportTable t, StringBuilder b) {
    int height = t.rows() * ROW + 30;
    List<String> labels = new ArrayList<>(t.rows());
    double widest = 0;
    for (int r = 0; r < t.rows(); r++) {
      String label = label(t, r);
      labels.add(label);
      widest = Math.max(widest, SvgLabels.width(SvgLabels.fit(label)));
    }
    // The label column is as wide as the widest label, estimated generously (see SvgLabels).
    int labelWidth = (int) Math.ceil(widest) + 12;
    int chartWidth = labelWidth + PLOT + VALUE_ROOM;
    b.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"chart\" data-table=\"%s\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n",
            t.name(),
            chartWidth,
            height,
            chartWidth,
            height,
            esc(t.title())));
    for (int pct = 0; pct <= 100; pct += 25) {
      double x = labelWidth + PLOT * pct / 100.0;
      b.append(
          String.format(
              Locale.ROOT,
              "<line class=\"axis\" x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\"/>"
                  + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d%%</text>\n",
              x,
              x,
              height - 20,
              x,
              height - 6,
              pct));
    }
    for (int r = 0; r < t.rows(); r++) {
      double rate = t.table().doubleColumn(t.rate()).getDouble(r);
      double lo = t.table().doubleColumn(t.ciLow()).getDouble(r);
      double hi = t.table().doubleColumn(t.ciHigh()).getDouble(r);
      int y = r * ROW + 2;
      String label = labels.get(r);
      String shown = SvgLabels.fit(label);
      b.append(
          String.format(
              Locale.ROOT,
              "<text class=\"label\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s%s</text>",
              labelWidth - 6,
              y + 14,
              esc(shown),
              shown.equals(label) ? "" : "<title>" + esc(label) + "</title>"));
      if (!Double.isNaN(rate)) {
        b.append(
            String.format(
                Locale.ROOT,
                "<rect class=\"bar\" data-rate=\"%s\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\"><title>%s: %s (95%% CI %s)</title></rect>",
                Values.round6(rate),
                labelWidth,
                y + 2,
                PLOT * rate,
                ROW - 6,
                esc(label),
                Values.human(t, t.table().column(t.rate()), r),
                Values.interval(t, r)));
        b.append(
            String.format(
                Locale.ROOT,
                "<line class=\"ci\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
                labelWidth + PLOT * lo,
                y + ROW / 2,
                labelWidth + PLOT * hi,
                y + ROW / 2));
        b.append(
            String.format(
                Locale.ROOT,
                "<text x=\"%.1f\" y=\"%d\">%s</text>",
                labelWidth + PLOT * hi + 6,
                y + 14,
                Values.human(t, t.table().column(t.rate()), r)));
      }
      b.append('\n');
    }
    b.append("</svg>\n");
  }

  private static String label(ReportTable t, int row) {
    List<String> parts = new ArrayList<>();
    for (String l : t.labels()) {
      Column<?> c = t.table().column(l);
      String v = Values.human(t, c, row);
      parts.add(
          l.equals("position")
              ? "#" + v
              : l.equals("gap_days") && !c.isMissing(row) ? v + " d" : v);
    }
    return String.join(" / ", parts);
  }

  private static void table(ReportTable t, StringBuilder b) {
    b.append("<div class=\"table\">\n<table>\n<thead><tr>");
    for (Column<?> c : t.table().columns()) {
      if (c.name().equals(t.ciLow()) || c.name().equals(t.ciHigh())) {
        continue;
      }
      b.append("<th>").append(esc(Values.headerOf(c.name()))).append("</th>");
      if (c.name().equals(t.rate())) {
        b.append("<th>95% CI</th>");
      }
    }
    b.append("</tr></thead>\n<tbody>\n");
    for (int r = 0; r < t.rows(); r++) {
      b.append("<tr>");
      for (Column<?> c : t.table().columns()) {
        if (c.name().equals(t.ciLow()) || c.name().equals(t.ciHigh())) {
          continue;
        }
        b.append(Values.isNumeric(c) ? "<td class=\"n\">" : "<td>")
            .append(esc(Values.human(t, c, r)))
            .append("</td>");
        if (c.name().equals(t.rate())) {
          b.append("<td class=\"n\">").append(esc(Values.interval(t, r))).append("</td>");
        }
      }
      b.append("</tr>\n");
    }
    b.append("</tbody>\n</table>\n</div>\n");
  }

  private static void quality(Analysis a, StringBuilder b) {
    b.append("<section id=\"data_quality\">\n<h2>Data quality</h2>\n");
    if (a.findings().isEmpty() && a.problems().isEmpty()) {
      b.append("<p>No findings.</p>\n");
    } else {
      b.append("<ul>\n");
      for (String p : a.problems()) {
        b.append("<li><strong>error</strong>: ").append(esc(p)).append("</li>\n");
      }
      for (DataQuality.Finding f : a.findings()) {
        b.append(
            String.format(
                Locale.ROOT,
                "<li><code>%s</code>: %,d %s (%s)",
                f.issue().code(),
                f.count(),
                f.issue().effect().text(),
                esc(f.issue().description())));
        if (!f.examples().isEmpty()) {
          b.append("<ul>");
          for (DataQuality.Example e : f.examples()) {
            b.append("<li><code>")
                .append(esc(e.source() + ":" + e.line()))
                .append("</code>: ")
                .append(esc(e.detail()))
                .append("</li>");
          }
          b.append("</ul>");
        }
        b.append("</li>\n");
      }
      b.append("</ul>\n");
    }
    b.append("</section>\n");
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
