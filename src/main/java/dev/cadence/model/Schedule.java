package dev.cadence.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When touches may fall due.
 *
 * @param zone the cadence's zone, or empty for "lead": each lead's own zone
 * @param fallbackZone the zone of leads that have none
 */
public record Schedule(
    Optional<ZoneId> zone,
    ZoneId fallbackZone,
    Set<DayOfWeek> businessDays,
    Window window,
    List<LocalDate> holidays,
    Duration minGap,
    SourceMap where) {

  public static final Schedule DEFAULT =
      new Schedule(
          Optional.empty(),
          ZoneOffset.UTC,
          EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
          Window.OFFICE_HOURS,
          List.of(),
          Duration.ZERO,
          SourceMap.NONE);

  public Schedule {
    businessDays = Set.copyOf(businessDays);
    holidays = List.copyOf(holidays);
    if (minGap.isNegative()) {
      throw new IllegalArgumentException("min_gap must not be negative");
    }
  }
}
