package dev.cadence.analytics.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the statistics over many random inputs. */
class StatsProperties {
  @Property
  void pValueIsAProbability(
      @ForAll @IntRange(min = 1, max = 100_000) int n1,
      @ForAll @IntRange(min = 1, max = 100_000) int n2,
      @ForAll @DoubleRange(min = 0, max = 1) double f1,
      @ForAll @DoubleRange(min = 0, max = 1) double f2) {
    long h1 = Math.round(f1 * n1);
    long h2 = Math.round(f2 * n2);
    TwoProportionTest t = TwoProportionTest.greater(h1, n1, h2, n2);
    assertThat(t.pValue()).isBetween(0.0, 1.0);
    assertThat(Double.isFinite(t.z())).isTrue();
  }

  @Property
  void swappingTheSidesMirrorsTheTest(
      @ForAll @IntRange(min = 1, max = 5_000) int n1,
      @ForAll @IntRange(min = 1, max = 5_000) int n2,
      @ForAll @DoubleRange(min = 0, max = 1) double f1,
      @ForAll @DoubleRange(min = 0, max = 1) double f2) {
    long h1 = Math.round(f1 * n1);
    long h2 = Math.round(f2 * n2);
    TwoProportionTest ab = TwoProportionTest.greater(h1, n1, h2, n2);
    TwoProportionTest ba = TwoProportionTest.greater(h2, n2, h1, n1);
    assertThat(ba.z()).isEqualTo(-ab.z());
    assertThat(ab.pValue() + ba.pValue()).isCloseTo(1, within(1e-12));
  }

  @Property
  void equalRatesGiveOneHalf(
      @ForAll @IntRange(min = 1, max = 1_000) int n,
      @ForAll @IntRange(min = 0, max = 1_000) int h,
      @ForAll @IntRange(min = 1, max = 20) int k) {
    Assume.that(h <= n);
    // h/n against k*h / k*n: the same rate on both sides, whatever the sizes.
    assertThat(TwoProportionTest.greater(h, n, (long) k * h, (long) k * n).pValue())
        .isCloseTo(0.5, within(1e-12));
  }

  @Property
  void oneMoreResponseOnTheCandidateSideLowersThePValue(
      @ForAll @IntRange(min = 2, max = 10_000) int n1,
      @ForAll @IntRange(min = 1, max = 10_000) int n2,
      @ForAll @DoubleRange(min = 0, max = 1) double f1,
      @ForAll @DoubleRange(min = 0, max = 1) double f2) {
    long h1 = Math.min(n1 - 1, Math.round(f1 * n1));
    long h2 = Math.round(f2 * n2);
    Assume.that(!(h1 == 0 && h2 == 0) && !(h1 + 1 == n1 && h2 == n2));
    double before = TwoProportionTest.greater(h1, n1, h2, n2).pValue();
    double after = TwoProportionTest.greater(h1 + 1, n1, h2, n2).pValue();
    assertThat(after).isLessThanOrEqualTo(before);
  }

  @Property
  void moreDataOfTheSameRatesIsMoreSignificant(
      @ForAll @IntRange(min = 1, max = 200) int n,
      @ForAll @IntRange(min = 0, max = 200) int h1,
      @ForAll @IntRange(min = 0, max = 200) int h2) {
    Assume.that(h1 <= n && h2 <= n && h1 > h2);
    double small = TwoProportionTest.greater(h1, n, h2, n).pValue();
    double large = TwoProportionTest.greater(4L * h1, 4L * n, 4L * h2, 4L * n).pValue();
    assertThat(large).isLessThanOrEqualTo(small);
  }

  @Property
  void quantileInvertsTheCdf(@ForAll @DoubleRange(min = -8, max = 5) double x) {
    // Above 5, cdf(x) is within 3e-7 of 1, where doubles are too sparse to invert precisely.
    assertThat(Normal.quantile(Normal.cdf(x))).isCloseTo(x, within(1e-8));
    assertThat(Normal.cdf(-x)).isCloseTo(1 - Normal.cdf(x), within(1e-15));
  }

  @Property
  void cdfIsMonotonic(
      @ForAll @DoubleRange(min = -38, max = 38) double x,
      @ForAll @DoubleRange(min = 0, max = 5) double step) {
    assertThat(Normal.cdf(x + step)).isGreaterThanOrEqualTo(Normal.cdf(x));
  }

  @Property
  void wilsonIntervalHoldsTheRate(
      @ForAll @IntRange(min = 1, max = 1_000_000) int n,
      @ForAll @DoubleRange(min = 0, max = 1) double f) {
    long h = Math.round(f * n);
    Evidence e = Evidence.of(h, n);
    assertThat(e.ciLow()).isBetween(0.0, e.rate());
    assertThat(e.ciHigh()).isBetween(e.rate(), 1.0);
  }

  @Property
  void aSmallerDifferenceOrMorePowerNeedsMoreTouches(
      @ForAll @DoubleRange(min = 0.01, max = 0.5) double p,
      @ForAll @DoubleRange(min = 0.02, max = 0.4) double d) {
    long wide = SampleSize.perGroup(p, p + d, 0.05, 0.8).orElseThrow();
    long narrow = SampleSize.perGroup(p, p + d / 2, 0.05, 0.8).orElseThrow();
    long powerful = SampleSize.perGroup(p, p + d, 0.05, 0.95).orElseThrow();
    assertThat(narrow).isGreaterThanOrEqualTo(wide);
    assertThat(powerful).isGreaterThanOrEqualTo(wide);
    assertThat(SampleSize.perGroup(p + d, p, 0.05, 0.8)).hasValue(wide);
  }
}
