package dev.cadence.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who holds the run lock, as the holding tick wrote it: for the "in progress" message, and to tell
 * a tick that runs long from one that is stuck.
 *
 * @param pid the holder's process id
 * @param since when it took the lock (the real clock, not {@code --now})
 * @param limit how long it may run before it stops by itself
 */
public record RunHolder(Optional<Long> pid, Optional<Instant> since, Optional<Duration> limit) {
  /** This process, from {@code since}, stopping by itself after {@code limit}. */
  public static RunHolder me(Instant since, Duration limit) {
    return new RunHolder(
        Optional.of(ProcessHandle.current().pid()), Optional.of(since), Optional.of(limit));
  }
}
