package dev.cadence.report.plan;

import dev.cadence.schedule.ZoneOffsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The date-time texts that plans print once per touch (a million times for 100,000 leads), as
 * java.time's DateTimeFormatter prints them, several times faster: a formatter call per touch was
 * the largest cost of the text and iCalendar plans. The date and the offset are cut from texts that
 * the very same formatters made, cached per day and per offset, so they are identical by
 * construction for any year; only hours, minutes and seconds are written by hand.
 *
 * <p>Thread-safe (plans are rendered in parallel): the caches hold immutable entries, and a thread
 * that misses an entry another one wrote merely works it out again.
 */
final class TimeText {
  /** The text plan's due column: {@code Tue 2026-12-01 09:00 +01:00}. */
  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm xxx", Locale.ROOT);

  /** The day agenda's time column: {@code 09:00 +01:00}. */
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm xxx", Locale.ROOT);

  /** iCalendar's UTC form: {@code 20261201T080000Z}. */
  static final DateTimeFormatter UTC_BASIC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter WHEN_DAY =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ROOT);
  private static final DateTimeFormatter BASIC_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final DateTimeFormatter WHEN_OFFSET =
      DateTimeFormatter.ofPattern("xxx", Locale.ROOT);
  private static final int SECONDS_PER_DAY = 86_400;

  /**
   * A day's texts; plans span weeks, so a small table indexed by the day's low bits keeps them all.
   */
  private record Day(long epochDay, String when, String basic) {}

  private static final Day[] DAYS = new Day[256];
  private static final Map<ZoneOffset, String> OFFSETS = new ConcurrentHashMap<>();

  private TimeText() {}

  /**
   * An instant's wall-clock position in a zone: its local day, the second in that day, the offset.
   */
  record Local(long epochDay, int secondOfDay, ZoneOffset offset) {
    static Local of(Instant at, ZoneId zone) {
      return of(at, ZoneOffsets.of(zone));
    }

    /**
     * As {@link #of(Instant, ZoneId)}, with the zone's offsets looked up once for many instants.
     */
    static Local of(Instant at, ZoneOffsets zone) {
      long epochSecond = at.getEpochSecond();
      ZoneOffset offset = zone.offset(epochSecond);
      long local = epochSecond + offset.getTotalSeconds();
      return new Local(
          Math.floorDiv(local, SECONDS_PER_DAY),
          (int) Math.floorMod(local, SECONDS_PER_DAY),
          offset);
    }
  }

  /** Appends what {@link #WHEN} prints for the instant {@code local} stands for. */
  static StringBuilder appendWhen(StringBuilder s, Local local) {
    return appendTime(s.append(day(local.epochDay()).when()).append(' '), local);
  }

  /** Appends what {@link #TIME} prints for the instant {@code local} stands for. */
  static StringBuilder appendTime(StringBuilder s, Local local) {
    Padding.twoDigits(s, local.secondOfDay() / 3600).append(':');
    Padding.twoDigits(s, local.secondOfDay() / 60 % 60).append(' ');
    return s.append(offset(local.offset()));
  }

  /** Appends what {@link #UTC_BASIC} prints for {@code at}. */
  static StringBuilder appendUtcBasic(StringBuilder s, Instant at) {
    long epochSecond = at.getEpochSecond();
    int second = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
    s.append(day(Math.floorDiv(epochSecond, SECONDS_PER_DAY)).basic()).append('T');
    Padding.twoDigits(s, second / 3600);
    Padding.twoDigits(s, second / 60 % 60);
    Padding.twoDigits(s, second % 60);
    return s.append('Z');
  }

  private static Day day(long epochDay) {
    int slot = (int) (epochDay & (DAYS.length - 1));
    Day day = DAYS[slot];
    if (day == null || day.epochDay() != epochDay) {
      LocalDate date = LocalDate.ofEpochDay(epochDay);
      day = new Day(epochDay, WHEN_DAY.format(date), BASIC_DAY.format(date));
      DAYS[slot] = day; // racy on purpose, see the class comment
    }
    return day;
  }

  private static String offset(ZoneOffset offset) {
    String text = OFFSETS.get(offset);
    return text != null ? text : OFFSETS.computeIfAbsent(offset, WHEN_OFFSET::format);
  }
}
