package dev.cadence.schedule;

import dev.cadence.model.Schedule;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * The working calendar as first written, in plain java.time (one zone conversion per question): the
 * reference that {@link Calendar}, with its caches, must agree with (see
 * CalendarEquivalenceProperties).
 */
final class ReferenceCalendar {
  private final Schedule schedule;
  private final ZoneId zone;
  private final Set<LocalDate> holidays;

  /** An EnumSet: this is asked for every due time, and a Set.copyOf probes by hash. */
  private final Set<java.time.DayOfWeek> businessDays;

  ReferenceCalendar(Schedule schedule, ZoneId zone) {
    this.schedule = schedule;
    this.zone = zone;
    this.holidays = Set.copyOf(schedule.holidays());
    this.businessDays = java.util.EnumSet.noneOf(java.time.DayOfWeek.class);
    this.businessDays.addAll(schedule.businessDays());
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
    ZonedDateTime local = t.atZone(zone);
    LocalTime time = local.toLocalTime();
    return isWorkingDay(local.toLocalDate())
        && !time.isBefore(schedule.window().start())
        && time.isBefore(schedule.window().end());
  }

  /** The window opening of {@code date}, in this zone (moved forward across a DST gap). */
  public Instant opening(LocalDate date) {
    return ZonedDateTime.of(LocalDateTime.of(date, schedule.window().start()), zone).toInstant();
  }

  /** The first instant at or after {@code t} at which a touch may fall due. */
  public Instant nextOpen(Instant t) {
    if (isOpen(t)) {
      return t;
    }
    ZonedDateTime local = t.atZone(zone);
    LocalDate date = local.toLocalDate();
    if (isWorkingDay(date) && local.toLocalTime().isBefore(schedule.window().start())) {
      Instant open = opening(date);
      if (open.isBefore(t)) {
        // In a DST overlap (clocks went back) the opening happens twice: t may fall between the
        // two, and the later one is then still ahead today.
        open =
            ZonedDateTime.of(LocalDateTime.of(date, schedule.window().start()), zone)
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
      LocalDate next = date.plusDays(i);
      if (isWorkingDay(next)) {
        Instant open = opening(next);
        if (isOpen(open)) {
          return open;
        }
      }
    }
    throw new IllegalStateException("no open window within 8 years of " + t + " in " + zone);
  }
}
