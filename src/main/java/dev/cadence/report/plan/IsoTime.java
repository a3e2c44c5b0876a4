package dev.cadence.report.plan;

import dev.cadence.schedule.ZoneOffsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * ISO-8601 with offset and seconds ({@code 2026-12-01T09:00:00+01:00}), as
 * DateTimeFormatter.ISO_OFFSET_DATE_TIME prints whole seconds, several times faster: plans and logs
 * print millions of them.
 */
public final class IsoTime {
  private IsoTime() {}

  public static String format(Instant instant, ZoneId zone) {
    return append(new StringBuilder(25), instant, zone).toString();
  }

  /** Appends what {@link #format} returns, without a String of its own. */
  public static StringBuilder append(StringBuilder s, Instant instant, ZoneId zone) {
    ZoneOffset offset = ZoneOffsets.of(zone).offset(instant.getEpochSecond());
    LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, offset);
    int year = t.getYear();
    if (year < 1000 || year > 9999 || instant.getNano() != 0) {
      return s.append(
          DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone).toOffsetDateTime()));
    }
    s.append(year).append('-');
    Padding.twoDigits(s, t.getMonthValue()).append('-');
    Padding.twoDigits(s, t.getDayOfMonth()).append('T');
    Padding.twoDigits(s, t.getHour()).append(':');
    Padding.twoDigits(s, t.getMinute()).append(':');
    Padding.twoDigits(s, t.getSecond());
    return s.append(offset.getTotalSeconds() == 0 ? "Z" : offset.getId());
  }
}
