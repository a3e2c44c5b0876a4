package dev.cadence.io.log;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.HashMap;
import java.util.Map;

/**
 * ISO-8601 timestamps with a zone's offset, to the second, for one writer (not thread-safe). A zone's
 * offset is looked up once per period between its transitions, and a date is formatted once per day.
 */
final class Timestamps {
  /** One zone's offset over [from, to), and the last local date formatted in it. */
  private static final class ZoneState {
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    int offsetSeconds;
    byte[] offsetText;
    long day = Long.MIN_VALUE;
    byte[] dateText; // "2026-03-02T"
  }

  private final Map<ZoneId, ZoneState> zones = new HashMap<>();

  void append(Utf8Buffer out, long epochSecond, ZoneId zone) {
    ZoneState z = zones.computeIfAbsent(zone, k -> new ZoneState());
    if (epochSecond < z.from || epochSecond >= z.to) {
      offsetPeriod(z, zone, epochSecond);
    }
    long local = epochSecond + z.offsetSeconds;
    long day = Math.floorDiv(local, 86_400L);
    if (day != z.day) {
      LocalDate date = LocalDate.ofEpochDay(day);
      if (date.getYear() < 0 || date.getYear() > 9999) {
        out.append(Instant.ofEpochSecond(epochSecond).atZone(zone).toOffsetDateTime().toString());
        return;
      }
      Utf8Buffer b = new Utf8Buffer(16);
      b.appendPadded(date.getYear(), 4).append('-').appendPadded(date.getMonthValue(), 2).append('-')
          .appendPadded(date.getDayOfMonth(), 2).append('T');
      z.day = day;
      z.dateText = b.toByteArray();
    }
    int second = (int) Math.floorMod(local, 86_400L);
    out.append(z.dateText).appendPadded(second / 3600, 2).append(':').appendPadded(second / 60 % 60, 2).append(':')
        .appendPadded(second % 60, 2).append(z.offsetText);
  }

  private static void offsetPeriod(ZoneState z, ZoneId zone, long epochSecond) {
    ZoneRules rules = zone.getRules();
    Instant at = Instant.ofEpochSecond(epochSecond);
    ZoneOffset offset = rules.getOffset(at);
    ZoneOffsetTransition previous = rules.isFixedOffset() ? null : rules.previousTransition(at.plusSeconds(1));
    ZoneOffsetTransition next = rules.isFixedOffset() ? null : rules.nextTransition(at);
    z.from = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
    z.to = next == null ? Long.MAX_VALUE : next.toEpochSecond();
    if (z.offsetSeconds != offset.getTotalSeconds() || z.offsetText == null) {
      z.day = Long.MIN_VALUE; // the local date of the cached day may differ under the new offset
    }
    z.offsetSeconds = offset.getTotalSeconds();
    z.offsetText = offset.getId().getBytes(StandardCharsets.US_ASCII);
  }
}
