package dev.cadence.analytics;

/**
 * The Wilson score interval of a proportion: unlike the normal approximation it stays inside [0, 1]
 * and is honest about small samples (3 of 3 is not "100% +- 0").
 */
public final class Wilson {
  /** z for a two-sided 95% interval. */
  public static final double Z95 = 1.959963984540054;

  /** A rate with its interval; for an empty sample, all three are NaN. */
  public record Interval(double rate, double low, double high) {}

  private Wilson() {}

  public static Interval of(long successes, long n) {
    return of(successes, n, Z95);
  }

  public static Interval of(long successes, long n, double z) {
    if (successes < 0 || successes > n) {
      throw new IllegalArgumentException("successes " + successes + " outside 0.." + n);
    }
    if (n == 0) {
      return new Interval(Double.NaN, Double.NaN, Double.NaN);
    }
    double p = (double) successes / n;
    double z2 = z * z;
    double denominator = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / denominator;
    double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
    // Clamp rounding noise at the ends (0 of n must give exactly 0 as its lower bound).
    double low = successes == 0 ? 0.0 : Math.max(0.0, centre - half);
    double high = successes == n ? 1.0 : Math.min(1.0, centre + half);
    return new Interval(p, low, high);
  }
}
