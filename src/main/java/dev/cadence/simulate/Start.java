package dev.cadence.simulate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** When each lead is enrolled: one instant for all, or the start of a date in each lead's zone. */
public sealed interface Start {
  Instant in(ZoneId zone);

  /** Everyone at the same instant (the --now instant or the clock). */
  record At(Instant instant) implements Start {
    @Override
    public Instant in(ZoneId zone) {
      return instant;
    }
  }

  /** The start of {@code date} in the lead's zone (its first moment, even across a DST change). */
  record OnDate(LocalDate date) implements Start {
    @Override
    public Instant in(ZoneId zone) {
      return date.atStartOfDay(zone).toInstant();
    }
  }
}
