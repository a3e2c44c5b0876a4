package dev.cadence.report.analyze;

import dev.cadence.analytics.Analysis;
import dev.cadence.analytics.DataQuality;
import dev.cadence.analytics.ReportTable;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.columns.Column;

/**
 * Aligned tables for a terminal or a pager; with {@code bars}, a small bar per rate (drawn with
 * block characters, only when stdout is a terminal).
 */
final class TextReport {
  private static final int BAR = 20;
  private static final String[] EIGHTHS = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};

  private TextReport() {}

  static void render(Analysis a, List<ReportTable> tables, boolean bars, PrintWriter out) {
    out.println(summaryLine(a));
    for (ReportTable t : tables) {
      out.println();
      table(t, bars, out);
    }
    out.println();
    quality(a, out);
    out.flush();
  }

  static String summaryLine(Analysis a) {
    Analysis.Summary s = a.summary();
    String where = s.where().isEmpty() ? "" : " (where " + String.join(", ", s.where()) + ")";
    return String.format(
        Locale.ROOT,
        "%,d events from %,d line%s in %,d file%s: %,d touches of %,d leads%s",
        s.events(),
        s.records(),
        s.records() == 1 ? "" : "s",
        a.files().size(),
        a.files().size() == 1 ? "" : "s",
        s.touches(),
        s.leads(),
        where);
  }

  static void table(ReportTable t, boolean bars, PrintWriter out) {
    out.println(t.title());
    List<String> headers = new ArrayList<>();
    List<Boolean> right = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    List<Column<?>> columns = new ArrayList<>();
    for (Column<?> c : t.table().columns()) {
      if (c.name().equals(t.ciLow()) || c.name().equals(t.ciHigh())) {
        continue;
      }
      columns.add(c);
      headers.add(Values.headerOf(c.name()));
      right.add(Values.isNumeric(c));
      if (c.name().equals(t.rate())) {
        headers.add("95% CI");
        right.add(true);
      }
    }
    for (int r = 0; r < t.rows(); r++) {
      List<String> cells = new ArrayList<>();
      for (Column<?> c : columns) {
        cells.add(Values.human(t, c, r));
        if (c.name().equals(t.rate())) {
          cells.add(Values.interval(t, r));
        }
      }
      rows.add(cells);
    }
    int[] width = new int[headers.size()];
    for (int i = 0; i < headers.size(); i++) {
      width[i] = headers.get(i).length();
      for (List<String> row : rows) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    out.println("  " + line(headers, width, right));
    for (int r = 0; r < rows.size(); r++) {
      String bar = "";
      if (bars && t.rate() != null) {
        bar = "  " + bar(t.table().doubleColumn(t.rate()).getDouble(r));
      }
      out.println(("  " + line(rows.get(r), width, right) + bar).stripTrailing());
    }
    if (rows.isEmpty()) {
      out.println("  (no touches)");
    }
  }

  private static String line(List<String> cells, int[] width, List<Boolean> right) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append("  ");
      }
      String s = cells.get(i);
      String pad = " ".repeat(width[i] - s.length());
      b.append(right.get(i) ? pad + s : s + pad);
    }
    return b.toString().stripTrailing();
  }

  static String bar(double rate) {
    if (Double.isNaN(rate)) {
      return "";
    }
    int eighths = (int) Math.round(Math.max(0, Math.min(1, rate)) * BAR * 8);
    return "█".repeat(eighths / 8) + EIGHTHS[eighths % 8];
  }

  static void quality(Analysis a, PrintWriter out) {
    if (a.findings().isEmpty() && a.problems().isEmpty()) {
      out.println("Data quality: no findings");
      return;
    }
    out.println("Data quality");
    for (String p : a.problems()) {
      out.println("  error: " + p);
    }
    for (DataQuality.Finding f : a.findings()) {
      out.println(
          String.format(
              Locale.ROOT,
              "  %s: %,d %s (%s)",
              f.issue().code(),
              f.count(),
              f.issue().effect().text(),
              f.issue().description()));
      for (DataQuality.Example e : f.examples()) {
        out.println("    " + e.source() + ":" + e.line() + ": " + e.detail());
      }
    }
  }
}
