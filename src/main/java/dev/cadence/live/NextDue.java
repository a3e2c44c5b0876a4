package dev.cadence.live;

import dev.cadence.engine.Due;
import dev.cadence.engine.Engine;
import dev.cadence.engine.Enrollment;
import dev.cadence.model.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When a tick next has automatic work for an enrollment: the earliest email that is due and not
 * blocked (an in-doubt, sending or finished send never comes back by itself), a retry's or a held
 * message's next attempt. Calls, tasks, meetings and approvals are people's work: they wait for
 * {@code record} and wake nothing.
 */
public final class NextDue {
  private NextDue() {}

  public static Optional<Instant> of(Engine engine, Enrollment e, List<SendRecord> sends) {
    if (!e.isActive()) {
      return Optional.empty();
    }
    Instant best = null;
    for (Due d : engine.due(e)) {
      if (d.step().channel() != Channel.EMAIL) {
        continue;
      }
      Optional<Instant> at = wake(d, find(sends, d.step().id(), d.visit()));
      if (at.isPresent() && (best == null || at.get().isBefore(best))) {
        best = at.get();
      }
    }
    return Optional.ofNullable(best);
  }

  /** When {@code d} may be worked on, given its send row (if any); empty when it is blocked. */
  static Optional<Instant> wake(Due d, Optional<SendRecord> row) {
    if (row.isEmpty()) {
      return Optional.of(d.at());
    }
    SendRecord s = row.get();
    switch (s.state()) {
      case CLAIMED, CANCELLED:
        return Optional.of(d.at());
      case RETRY, HELD:
        Instant next = s.nextAttempt().orElse(d.at());
        return Optional.of(next.isAfter(d.at()) ? next : d.at());
      default:
        return Optional.empty();
    }
  }

  static Optional<SendRecord> find(List<SendRecord> sends, String step, int visit) {
    for (SendRecord s : sends) {
      if (s.step().equals(step) && s.visit() == visit) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
