package dev.cadence.analytics.recommend;

import dev.cadence.analytics.Wilson;

/**
 * A rate and how far to trust it: {@code hits} of {@code n} touches, with its 95% Wilson interval
 * (contract section 5: every rate carries one).
 *
 * @param n the touches (for open rates: the delivered emails)
 * @param hits the touches that counted (responded, opened)
 */
public record Evidence(long n, long hits, double rate, double ciLow, double ciHigh) {
  public Evidence {
    if (n < 0 || hits < 0 || hits > n) {
      throw new IllegalArgumentException("need 0 <= hits <= n, not " + hits + " of " + n);
    }
  }

  /**
   * The rate of {@code hits} in {@code n}; with no touches the rate is 0 and the interval [0, 1].
   */
  public static Evidence of(long hits, long n) {
    if (n == 0) {
      return new Evidence(0, 0, 0, 0, 1);
    }
    Wilson.Interval i = Wilson.of(hits, n);
    return new Evidence(n, hits, i.rate(), i.low(), i.high());
  }
}
