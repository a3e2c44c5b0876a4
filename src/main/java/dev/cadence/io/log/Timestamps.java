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
 * ISO-8601 timestamps with a zone's offset, to the second, for one writer (not thread-safe). A
 * zone's offset is looked up once per period between two of its transitions (a lead's events often
 * span a DST change: a few periods are kept), and a date is formatted once per day.
 */
final class Timestamps {
  private static final int PERIODS = 4;
  private static final int DATES = 128; // a power of two

  /** The offset of a zone over [from, to). */
  private record Period(long from, long to, int offsetSeconds, byte[] offsetText) {}

  /** One zone's recent periods, and the last local date formatted in it. */
  private static final class ZoneState {
    final Period[] periods = new Period[PERIODS];
    int next;
    long day = Long.MIN_VALUE;
    byte[] dateText; // "2026-03-02T"
  }

  private final Map<ZoneId, ZoneState> zones = new HashMap<>();

  /**
   * "2026-03-02T" by epoch day, direct-mapped: a lead's events move back and forth over a few
   * weeks.
   */
  private final long[] dateDays = new long[DATES];

  private final byte[][] dateTexts = new byte[DATES][];
  private ZoneId lastZone;
  private ZoneState lastState;

  void append(Utf8Buffer out, long epochSecond, ZoneId zone) {
    ZoneState z = zone == lastZone ? lastState : zones.computeIfAbsent(zone, k -> new ZoneState());
    lastZone = zone;
    lastState = z;
    Period p = period(z, zone, epochSecond);
    long local = epochSecond + p.offsetSeconds();
    long day = Math.floorDiv(local, 86_400L);
    if (day != z.day) {
      byte[] text = dateText(day);
      if (text == null) {
        out.append(Instant.ofEpochSecond(epochSecond).atZone(zone).toOffsetDateTime().toString());
        return;
      }
      z.day = day;
      z.dateText = text;
    }
    int second = (int) Math.floorMod(local, 86_400L);
    out.append(z.dateText)
        .appendTwoDigits(second / 3600)
        .append(':')
        .appendTwoDigits(second / 60 % 60)
        .append(':')
        .appendTwoDigits(second % 60)
        .append(p.offsetText());
  }

  /** The text of a local date and the "T" after it; null for a year that ISO writes differently. */
  private byte[] dateText(long day) {
    int slot = (int) (day & (DATES - 1));
    if (dateTexts[slot] != null && dateDays[slot] == day) {
      return dateTexts[slot];
    }
    LocalDate date = LocalDate.ofEpochDay(day);
    if (date.getYear() < 0 || date.getYear() > 9999) {
      return null;
    }
    Utf8Buffer b = new Utf8Buffer(16);
    b.appendPadded(date.getYear(), 4)
        .append('-')
        .appendPadded(date.getMonthValue(), 2)
        .append('-')
        .appendPadded(date.getDayOfMonth(), 2)
        .append('T');
    dateDays[slot] = day;
    dateTexts[slot] = b.toByteArray();
    return dateTexts[slot];
  }

  private static Period period(ZoneState z, ZoneId zone, long epochSecond) {
    for (Period p : z.periods) {
      if (p != null && epochSecond >= p.from() && epochSecond < p.to()) {
        return p;
      }
    }
    ZoneRules rules = zone.getRules();
    Instant at = Instant.ofEpochSecond(epochSecond);
    ZoneOffset offset = rules.getOffset(at);
    ZoneOffsetTransition previous =
        rules.isFixedOffset() ? null : rules.previousTransition(at.plusSeconds(1));
    ZoneOffsetTransition next = rules.isFixedOffset() ? null : rules.nextTransition(at);
    Period p =
        new Period(
            previous == null ? Long.MIN_VALUE : previous.toEpochSecond(),
            next == null ? Long.MAX_VALUE : next.toEpochSecond(),
            offset.getTotalSeconds(),
            offset.getId().getBytes(StandardCharsets.US_ASCII));
    z.periods[z.next] = p;
    z.next = (z.next + 1) % PERIODS;
    return p;
  }
}
