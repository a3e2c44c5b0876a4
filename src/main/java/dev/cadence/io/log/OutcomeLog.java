package dev.cadence.io.log;

import dev.cadence.model.OutcomeEvent;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The outcome log's CSV form (contract section 4): its header and one line per event. A value that a
 * spreadsheet would run as a formula (a leading {@code = + - @}, tab or carriage return) gets a
 * leading single quote; a value with a comma, quote or line break is quoted.
 */
public final class OutcomeLog {
  public static final String HEADER = "timestamp,lead_id,cadence,step,channel,template,region,event";

  private OutcomeLog() {}

  /** Appends the line of {@code e} (with its newline) to {@code out}. */
  public static void appendLine(StringBuilder out, OutcomeEvent e) {
    appendTimestamp(out, e.at().getEpochSecond(), e.zone());
    out.append(',');
    appendCell(out, e.leadId());
    out.append(',');
    appendCell(out, e.cadence());
    out.append(',');
    appendCell(out, e.step());
    out.append(',').append(e.channel().yamlName()).append(',');
    appendCell(out, e.template());
    out.append(',');
    appendCell(out, e.region());
    out.append(',');
    appendCell(out, e.event());
    out.append('\n');
  }

  /** The line of {@code e}, without its newline. */
  public static String line(OutcomeEvent e) {
    StringBuilder b = new StringBuilder(96);
    appendLine(b, e);
    b.setLength(b.length() - 1);
    return b.toString();
  }

  /** A CSV cell: defused against formulas, quoted when needed. */
  public static String cell(String value) {
    StringBuilder b = new StringBuilder(value.length() + 2);
    appendCell(b, value);
    return b.toString();
  }

  static void appendCell(StringBuilder out, String value) {
    boolean defuse = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      if (defuse) {
        out.append('\'');
      }
      out.append(value);
      return;
    }
    out.append('"');
    if (defuse) {
      out.append('\'');
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        out.append('"');
      }
      out.append(c);
    }
    out.append('"');
  }

  /**
   * ISO-8601 with the zone's offset at that instant, to the second: {@code 2026-03-02T09:00:00+01:00}
   * ({@code Z} for UTC). Written by hand: a DateTimeFormatter is the hot spot of a million-lead run.
   */
  static void appendTimestamp(StringBuilder out, long epochSecond, ZoneId zone) {
    ZoneOffset offset = zone instanceof ZoneOffset o ? o : zone.getRules().getOffset(java.time.Instant.ofEpochSecond(epochSecond));
    LocalDateTime t = LocalDateTime.ofEpochSecond(epochSecond, 0, offset);
    int year = t.getYear();
    if (year < 0 || year > 9999) {
      out.append(t.atOffset(offset));
      return;
    }
    pad(out, year, 4).append('-');
    pad(out, t.getMonthValue(), 2).append('-');
    pad(out, t.getDayOfMonth(), 2).append('T');
    pad(out, t.getHour(), 2).append(':');
    pad(out, t.getMinute(), 2).append(':');
    pad(out, t.getSecond(), 2);
    out.append(offset.getId()); // "Z" or "+01:00" (offsets with seconds do not occur in practice)
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    String digits = Integer.toString(value);
    for (int i = digits.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(digits);
  }
}
