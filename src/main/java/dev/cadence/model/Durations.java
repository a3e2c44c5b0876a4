package dev.cadence.model;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The duration syntax of cadence files: a sum of parts such as {@code 2d}, {@code 1d12h}, {@code
 * 90m}.
 */
public final class Durations {
  private static final Pattern WHOLE = Pattern.compile("(?:\\d{1,6}[wdhm])+");
  private static final Pattern PART = Pattern.compile("(\\d{1,6})([wdhm])");

  private Durations() {}

  public static Duration parse(String text) {
    String compact = text.trim();
    if (!WHOLE.matcher(compact).matches()) {
      throw new IllegalArgumentException(
          "duration `"
              + text
              + "` is not valid; write a number and a unit (w, d, h, m), e.g. 3d or 1d12h");
    }
    Duration total = Duration.ZERO;
    Matcher m = PART.matcher(compact);
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "w" -> Duration.ofDays(7 * n);
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofMinutes(n);
              });
    }
    return total;
  }

  /** The shortest text that {@link #parse} reads back as {@code d}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0m";
    }
    StringBuilder out = new StringBuilder();
    long days = d.toDays();
    if (days > 0) {
      out.append(days).append('d');
    }
    if (d.toHoursPart() > 0) {
      out.append(d.toHoursPart()).append('h');
    }
    if (d.toMinutesPart() > 0) {
      out.append(d.toMinutesPart()).append('m');
    }
    return out.toString();
  }
}
