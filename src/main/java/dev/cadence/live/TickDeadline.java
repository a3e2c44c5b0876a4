package dev.cadence.live;

import java.time.Duration;

/**
 * How long a tick may work: past its limit it stops sending (what is left waits for the next tick,
 * nothing is lost) and says so, so that a slow server or a huge backlog never keeps one tick alive
 * across many cron periods. Measured on the monotonic clock, whatever {@code --now} says.
 */
final class TickDeadline {
  private final Duration limit;
  private final long end;

  TickDeadline(Duration limit) {
    this.limit = limit;
    this.end = System.nanoTime() + limit.toNanos();
  }

  /**
   * True when the tick must stop sending: it already stopped, or it has just run past its limit
   * (then it stops, with one problem line that says why).
   */
  boolean stop(TickTally report) {
    if (report.stoppedSending) {
      return true;
    }
    if (System.nanoTime() - end < 0) {
      return false;
    }
    report.stoppedSending = true;
    report.problems.add(
        "stopped sending: the tick reached its time limit of "
            + TickOptions.words(limit)
            + " (--max-time); the rest waits for the next tick");
    return true;
  }
}
