package dev.cadence.engine;

import dev.cadence.model.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The state of one lead in one cadence: what was performed, what is pending, whether it ended.
 * Immutable: the engine returns a new state for every event.
 *
 * @param zone the zone its touches are scheduled in (the lead's, the cadence's or the fallback)
 * @param enrolledOn the enrollment day in that zone (day 1)
 * @param touches every step performed, in order
 * @param completed ids of the steps completed (for joins), with repeats after loops
 * @param pending steps reached and not yet completed
 * @param pausedUntil nothing falls due before this instant (the lead said it is away); the steps
 *     due meanwhile fall due at the first window opening after it, one at a time, {@code min_gap}
 *     apart as ever
 */
public record Enrollment(
    String leadId,
    String cadence,
    ZoneId zone,
    Instant enrolledAt,
    LocalDate enrolledOn,
    List<Touch> touches,
    List<String> completed,
    List<Pending> pending,
    Optional<Ending> ending,
    Optional<Instant> pausedUntil) {

  /** An enrollment that was never paused. */
  public Enrollment(
      String leadId,
      String cadence,
      ZoneId zone,
      Instant enrolledAt,
      LocalDate enrolledOn,
      List<Touch> touches,
      List<String> completed,
      List<Pending> pending,
      Optional<Ending> ending) {
    this(
        leadId,
        cadence,
        zone,
        enrolledAt,
        enrolledOn,
        touches,
        completed,
        pending,
        ending,
        Optional.empty());
  }

  public Enrollment {
    // Immutable lists are kept as they are: the engine hands over lists that share their array with
    // the previous state's (see AppendOnlyList) instead of being copied at every event.
    touches = AppendOnlyList.immutable(touches);
    completed = AppendOnlyList.immutable(completed);
    pending = List.copyOf(pending);
  }

  /** The same enrollment, paused until {@code until} (a later pause already set is kept). */
  public Enrollment pausedUntil(Instant until) {
    Instant kept = pausedUntil.filter(p -> p.isAfter(until)).orElse(until);
    return new Enrollment(
        leadId,
        cadence,
        zone,
        enrolledAt,
        enrolledOn,
        touches,
        completed,
        pending,
        ending,
        Optional.of(kept));
  }

  /** True while a pause holds at {@code now}. */
  public boolean isPausedAt(Instant now) {
    return pausedUntil.isPresent() && pausedUntil.get().isAfter(now);
  }

  public boolean isActive() {
    return ending.isEmpty();
  }

  public Optional<Instant> lastTouch() {
    return touches.isEmpty() ? Optional.empty() : Optional.of(touches.get(touches.size() - 1).at());
  }

  public long touchCount(Channel channel) {
    long n = 0;
    for (Touch t : touches) {
      if (t.channel() == channel) {
        n++;
      }
    }
    return n;
  }

  /** How many times {@code step} was performed. */
  public int visits(String step) {
    int n = 0;
    for (Touch t : touches) {
      if (t.step().equals(step)) {
        n++;
      }
    }
    return n;
  }
}
