package dev.cadence.analytics.recommend;

/**
 * A rate and how far to trust it: {@code hits} of {@code n} touches, with its 95% Wilson interval
 * (contract section 5: every rate carries one).
 *
 * @param n the touches (for open rates: the delivered emails)
 * @param hits the touches that counted (responded, opened)
 */
public record Evidence(long n, long hits, double rate, double ciLow, double ciHigh) {
  /** z for a two-sided 95% interval. */
  static final double Z95 = 1.959963984540054;

  public Evidence {
    if (n < 0 || hits < 0 || hits > n) {
      throw new IllegalArgumentException("need 0 <= hits <= n, not " + hits + " of " + n);
    }
  }

  /** The rate of {@code hits} in {@code n}; with no touches the rate is 0 and the interval [0, 1]. */
  public static Evidence of(long hits, long n) {
    if (n == 0) {
      return new Evidence(0, 0, 0, 0, 1);
    }
    double p = (double) hits / n;
    double z2 = Z95 * Z95;
    double centre = p + z2 / (2.0 * n);
    double spread = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    double denominator = 1 + z2 / n;
    // At 0 or n hits the bound is exactly 0 or 1; rounding must not put it a hair outside.
    double low = hits == 0 ? 0 : Math.max(0, (centre - spread) / denominator);
    double high = hits == n ? 1 : Math.min(1, (centre + spread) / denominator);
    return new Evidence(n, hits, p, low, high);
  }
}
