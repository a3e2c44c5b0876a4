package dev.cadence.analytics.recommend;

import java.util.OptionalLong;

/**
 * How many touches each side needs for the one-sided two-proportion test to detect a difference:
 * the usual normal-approximation formula for two equal groups (Fleiss, without continuity
 * correction), n = (z_{1-alpha} sqrt(2 p q) + z_{power} sqrt(p1 q1 + p2 q2))^2 / (p1 - p2)^2 with p
 * the mean of p1 and p2.
 */
public final class SampleSize {
  /** The power the "insufficient evidence" advice is computed for. */
  public static final double POWER = 0.80;

  private SampleSize() {}

  /**
   * Touches per side to detect {@code p1} vs {@code p2}; empty when they are equal (no size would
   * do).
   */
  public static OptionalLong perGroup(double p1, double p2, double alpha, double power) {
    if (!(p1 >= 0 && p1 <= 1 && p2 >= 0 && p2 <= 1)) {
      throw new IllegalArgumentException("rates must be in [0, 1]: " + p1 + ", " + p2);
    }
    if (!(alpha > 0 && alpha < 1 && power > 0 && power < 1)) {
      throw new IllegalArgumentException(
          "alpha and power must be in (0, 1): " + alpha + ", " + power);
    }
    if (p1 == p2) {
      return OptionalLong.empty();
    }
    double mean = (p1 + p2) / 2;
    double za = Normal.quantile(1 - alpha);
    double zb = Normal.quantile(power);
    double root =
        za * Math.sqrt(2 * mean * (1 - mean)) + zb * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
    double n = root * root / ((p1 - p2) * (p1 - p2));
    // Rounding noise on a whole number (686.0000000001) must not cost a whole extra touch.
    return OptionalLong.of(Math.max(1, (long) Math.ceil(n - 1e-9)));
  }
}
