package dev.cadence.schedule;

import dev.cadence.model.Schedule;
import dev.cadence.model.Timing;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The contract's scheduling rule: when a step falls due for one enrollment.
 *
 * <p>{@code day: N} means the window opening N-1 calendar days after the enrollment day; {@code
 * wait: D} means D after the previous touch; a step with neither is due as soon as it is reached.
 * The due time is the latest of that, the previous touch + {@code min_gap}, and the moment the step
 * was reached (never in the past of the flow); then it moves forward to the next open window on a
 * working day.
 */
public final class DueTimes {
  private DueTimes() {}

  /**
   * @param enrolledOn the enrollment day in the lead's zone
   * @param reachedAt when the flow reached the step (the previous completion, or the enrollment)
   * @param previousTouch the lead's previous touch in this enrollment, if any
   */
  public static Instant due(
      Timing timing,
      Schedule schedule,
      Calendar calendar,
      LocalDate enrolledOn,
      Instant reachedAt,
      Optional<Instant> previousTouch) {
    Instant candidate;
    if (timing instanceof Timing.OnDay d) {
      candidate = calendar.openingOfDay(enrolledOn.toEpochDay() + d.day() - 1L);
    } else if (timing instanceof Timing.Wait w) {
      candidate = after(previousTouch.orElse(reachedAt), w.delay(), calendar.zone());
    } else {
      candidate = reachedAt;
    }
    Instant due = later(candidate, reachedAt);
    if (previousTouch.isPresent()) {
      due = later(due, after(previousTouch.get(), schedule.minGap(), calendar.zone()));
    }
    return calendar.nextOpen(due);
  }

  /**
   * Whole days of a wait are calendar days in the lead's zone (a weekly 09:00 review stays at 09:00
   * across a DST change); hours and minutes are elapsed time.
   */
  static Instant after(Instant from, Duration wait, ZoneId zone) {
    long days = wait.toDays();
    if (days == 0) {
      return from.plus(wait); // elapsed time only: no zone conversion (min_gap: 2h, wait: 90m)
    }
    return from.atZone(zone).plusDays(days).toInstant().plus(wait.minusDays(days));
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
