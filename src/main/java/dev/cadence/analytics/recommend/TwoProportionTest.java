package dev.cadence.analytics.recommend;

/**
 * The contract's swap test: a one-sided two-proportion z-test with the pooled standard error, H1:
 * the candidate's rate is higher than the baseline's.
 *
 * @param z the statistic, (p_candidate - p_baseline) / pooled standard error
 * @param pValue P(Z >= z) under H0 (equal rates)
 */
public record TwoProportionTest(double z, double pValue) {
  public TwoProportionTest {
    if (!(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException("p-value outside [0, 1]: " + pValue);
    }
  }

  /** Tests whether {@code candidate}'s rate is higher than {@code baseline}'s. */
  public static TwoProportionTest greater(Evidence candidate, Evidence baseline) {
    return greater(candidate.hits(), candidate.n(), baseline.hits(), baseline.n());
  }

  /** Tests whether {@code hits1 / n1} is higher than {@code hits2 / n2}. */
  public static TwoProportionTest greater(long hits1, long n1, long hits2, long n2) {
    if (n1 <= 0 || n2 <= 0 || hits1 < 0 || hits2 < 0 || hits1 > n1 || hits2 > n2) {
      throw new IllegalArgumentException(
          "need 0 <= hits <= n and n >= 1 on both sides: "
              + hits1
              + "/"
              + n1
              + ", "
              + hits2
              + "/"
              + n2);
    }
    double p1 = (double) hits1 / n1;
    double p2 = (double) hits2 / n2;
    double pooled = (double) (hits1 + hits2) / (n1 + n2);
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
    if (se == 0) {
      // Every touch on both sides responded, or none did: the rates are equal, nothing to see.
      return new TwoProportionTest(0, 0.5);
    }
    double z = (p1 - p2) / se;
    return new TwoProportionTest(z, Normal.cdf(-z));
  }
}
