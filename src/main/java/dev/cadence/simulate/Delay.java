package dev.cadence.simulate;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * How long after its cause a response comes: a fixed duration, or uniform between two (whole
 * minutes).
 */
public record Delay(Duration min, Duration max) {
  public static final Delay NONE = new Delay(Duration.ZERO, Duration.ZERO);

  public Delay {
    if (min.isNegative() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException(
          "a delay range needs 0 <= min <= max, was " + min + ".." + max);
    }
  }

  public static Delay fixed(Duration d) {
    return new Delay(d, d);
  }

  /** A draw in [min, max], in whole minutes, so that logged timestamps stay on the minute. */
  public Duration draw(SplittableRandom random) {
    long lo = min.toMinutes();
    long hi = max.toMinutes();
    return hi <= lo ? min : Duration.ofMinutes(lo + random.nextLong(hi - lo + 1));
  }
}
