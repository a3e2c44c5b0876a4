package dev.cadence.model;

import java.time.Duration;

/** When a step falls due relative to the enrollment or to the previous touch. */
public sealed interface Timing {
  /** Day N of the enrollment: N-1 calendar days after the enrollment day. */
  record OnDay(int day) implements Timing {
    public OnDay {
      if (day < 1) {
        throw new IllegalArgumentException("day must be >= 1, was " + day);
      }
    }
  }

  /** A delay after the previous touch. */
  record Wait(Duration delay) implements Timing {
    public Wait {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("wait must not be negative");
      }
    }
  }

  /** Neither given: as soon as the step is reached (subject to window and min_gap). */
  record Immediately() implements Timing {}
}
