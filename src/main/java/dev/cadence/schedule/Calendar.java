package dev.cadence.schedule;

import dev.cadence.model.Schedule;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * The working calendar of a schedule in one zone: when a touch may fall due. Pure functions of
 * their arguments; "now" is always passed in, never read.
 *
 * <p>Plan and simulate ask this millions of times for the few weeks their leads span, so it
 * remembers what it worked out: per local day whether it is a working day and when its window
 * opens, and the zone's offset between two transitions (an instant's local time is then an addition
 * instead of a {@code ZonedDateTime}). The caches hold immutable entries in plain arrays: a
 * calendar is shared between threads, and a thread that misses an entry another thread wrote merely
 * computes it again.
 */
public final class Calendar {
  private static final int DAYS = 1024; // a power of two: a direct-mapped cache by epoch day
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final Schedule schedule;
  private final ZoneId zone;
  private final ZoneOffsets offsets;
  private final Set<LocalDate> holidays;

  /** An EnumSet: this is asked for every due time, and a Set.copyOf probes by hash. */
  private final Set<DayOfWeek> businessDays;

  private final long windowStart;
  private final long windowEnd;
  private final Day[] days = new Day[DAYS];

  /**
   * What is known of one local day.
   *
   * @param opening the window opening that day (moved forward across a DST gap)
   * @param openingIsOpen whether a touch may fall due at {@code opening} (not when a DST gap pushed
   *     it past the window's end)
   */
  private record Day(long epochDay, boolean working, Instant opening, boolean openingIsOpen) {}

  public Calendar(Schedule schedule, ZoneId zone) {
    this.schedule = schedule;
    this.zone = zone;
    this.offsets = ZoneOffsets.of(zone);
    this.holidays = Set.copyOf(schedule.holidays());
    this.businessDays = EnumSet.noneOf(DayOfWeek.class);
    this.businessDays.addAll(schedule.businessDays());
    this.windowStart = schedule.window().start().toNanoOfDay();
    this.windowEnd = schedule.window().end().toNanoOfDay();
  }

  public ZoneId zone() {
    return zone;
  }

  /** True if {@code date} is a business day that is not a holiday. */
  public boolean isWorkingDay(LocalDate date) {
    return businessDays.contains(date.getDayOfWeek()) && !holidays.contains(date);
  }

  /** True if a touch may fall due at {@code t}: a working day, inside the window. */
  public boolean isOpen(Instant t) {
    long local = localSecond(t);
    long nanoOfDay = Math.floorMod(local, 86_400L) * NANOS_PER_SECOND + t.getNano();
    return nanoOfDay >= windowStart
        && nanoOfDay < windowEnd
        && day(Math.floorDiv(local, 86_400L)).working();
  }

  /** The window opening of {@code date}, in this zone (moved forward across a DST gap). */
  public Instant opening(LocalDate date) {
    return day(date.toEpochDay()).opening();
  }

  /** As {@link #opening}, for the day {@code epochDay} days after 1970-01-01. */
  public Instant openingOfDay(long epochDay) {
    return day(epochDay).opening();
  }

  /** The first instant at or after {@code t} at which a touch may fall due. */
  public Instant nextOpen(Instant t) {
    long local = localSecond(t);
    long epochDay = Math.floorDiv(local, 86_400L);
    long nanoOfDay = Math.floorMod(local, 86_400L) * NANOS_PER_SECOND + t.getNano();
    Day today = day(epochDay);
    if (today.working() && nanoOfDay >= windowStart && nanoOfDay < windowEnd) {
      return t; // open now
    }
    if (today.working() && nanoOfDay < windowStart) {
      Instant open = today.opening();
      if (open.isBefore(t)) {
        // In a DST overlap (clocks went back) the opening happens twice: t may fall between the
        // two, and the later one is then still ahead today.
        open =
            ZonedDateTime.of(
                    LocalDateTime.of(LocalDate.ofEpochDay(epochDay), schedule.window().start()),
                    zone)
                .withLaterOffsetAtOverlap()
                .toInstant();
      }
      // A window opening inside a DST gap moves forward by the gap and may still be before t.
      if (!open.isBefore(t) && isOpen(open)) {
        return open;
      }
    }
    // Bounded: a schedule has at least one business day, and holidays are finite.
    for (int i = 1; i <= 366 * 8; i++) {
      Day next = day(epochDay + i);
      if (next.working() && next.openingIsOpen()) {
        return next.opening();
      }
    }
    throw new IllegalStateException("no open window within 8 years of " + t + " in " + zone);
  }

  /** The local date-time of {@code t} in this zone, as seconds since the local epoch. */
  private long localSecond(Instant t) {
    long s = t.getEpochSecond();
    return s + offsets.offset(s).getTotalSeconds();
  }

  private Day day(long epochDay) {
    int slot = (int) (epochDay & (DAYS - 1));
    Day d = days[slot];
    if (d == null || d.epochDay() != epochDay) {
      d = computeDay(epochDay);
      days[slot] = d; // racy on purpose: entries are immutable, a lost write costs a recomputation
    }
    return d;
  }

  private Day computeDay(long epochDay) {
    LocalDate date = LocalDate.ofEpochDay(epochDay);
    Instant opening =
        ZonedDateTime.of(LocalDateTime.of(date, schedule.window().start()), zone).toInstant();
    return new Day(epochDay, isWorkingDay(date), opening, isOpenUncached(opening));
  }

  /** As {@link #isOpen}, without the day cache (used while filling it). */
  private boolean isOpenUncached(Instant t) {
    long local = localSecond(t);
    long nanoOfDay = Math.floorMod(local, 86_400L) * NANOS_PER_SECOND + t.getNano();
    return nanoOfDay >= windowStart
        && nanoOfDay < windowEnd
        && isWorkingDay(LocalDate.ofEpochDay(Math.floorDiv(local, 86_400L)));
  }
}
