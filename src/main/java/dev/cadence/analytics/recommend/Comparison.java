package dev.cadence.analytics.recommend;

/**
 * The evidence behind one recommendation: what is done now (the baseline), what would be done
 * instead (the candidate), and the one-sided test that the candidate does better.
 *
 * @param from what the cadence does now: a channel, a gap in days, a template
 * @param to what it would do instead
 */
public record Comparison(
    String from, Evidence fromRate, String to, Evidence toRate, TwoProportionTest test) {
  /** Compares {@code to} with {@code from}, testing whether its rate is higher. */
  public static Comparison of(String from, Evidence fromRate, String to, Evidence toRate) {
    return new Comparison(from, fromRate, to, toRate, TwoProportionTest.greater(toRate, fromRate));
  }

  public double pValue() {
    return test.pValue();
  }
}
