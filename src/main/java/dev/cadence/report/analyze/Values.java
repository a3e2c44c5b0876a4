package dev.cadence.report.analyze;

import dev.cadence.analytics.ReportTable;
import java.util.Locale;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.Column;

/** How a cell of a report table reads, for people (text, Markdown, HTML) and machines (CSV). */
final class Values {
  private Values() {}

  static boolean isRate(ReportTable t, String column) {
    return column.equals(t.rate()) || column.equals(t.ciLow()) || column.equals(t.ciHigh());
  }

  static boolean isNumeric(Column<?> c) {
    return c.type() != ColumnType.STRING;
  }

  /** For people: rates as percentages, a missing gap as "first", an empty label as "(none)". */
  static String human(ReportTable t, Column<?> c, int row) {
    if (c.isMissing(row)) {
      return c.name().equals("gap_days") ? "first" : "-";
    }
    if (c.type() == ColumnType.STRING) {
      String s = c.getString(row);
      return s.isEmpty() ? "(none)" : s;
    }
    if (c.type() == ColumnType.DOUBLE) {
      double v = ((Number) c.get(row)).doubleValue();
      if (Double.isNaN(v)) {
        return "-";
      }
      if (isRate(t, c.name())) {
        return String.format(Locale.ROOT, "%.1f%%", v * 100);
      }
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return c.getString(row);
  }

  /** The interval of row {@code row} as "38.0-44.5%", or "-". */
  static String interval(ReportTable t, int row) {
    double lo = t.table().doubleColumn(t.ciLow()).getDouble(row);
    double hi = t.table().doubleColumn(t.ciHigh()).getDouble(row);
    if (Double.isNaN(lo) || Double.isNaN(hi)) {
      return "-";
    }
    return String.format(Locale.ROOT, "%.1f-%.1f%%", lo * 100, hi * 100);
  }

  /** For machines: numbers in full (rates to 6 decimals), missing as "". */
  static String machine(Column<?> c, int row) {
    if (c.isMissing(row)) {
      return "";
    }
    if (c.type() == ColumnType.DOUBLE) {
      double v = ((Number) c.get(row)).doubleValue();
      return Double.isNaN(v) ? "" : round6(v);
    }
    return c.getString(row);
  }

  static String round6(double v) {
    String s = String.format(Locale.ROOT, "%.6f", v);
    s = s.replaceFirst("0+$", "");
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  static String headerOf(String column) {
    return switch (column) {
      case "gap_days" -> "gap (days)";
      case "open_rate" -> "open rate";
      case "response_rate" -> "response rate";
      case "mean_position" -> "mean position";
      default -> column.replace('_', ' ');
    };
  }
}
