package dev.cadence.analytics.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Exact checks of the statistics against reference values. The references come from independent
 * implementations (Python's {@code math.erfc} and {@code statistics.NormalDist}) and from textbook
 * tables, never from this code.
 */
class StatsTest {
  private static final Offset<Double> TIGHT = within(1e-12);

  @ParameterizedTest
  @CsvSource({
    "1.96, 0.9750021048517795",
    "-1, 0.15865525393145707",
    "0.5, 0.6914624612740131",
    "0, 0.5",
  })
  void normalCdfMatchesReferenceValues(double x, double expected) {
    assertThat(Normal.cdf(x)).isCloseTo(expected, TIGHT);
  }

  @Test
  void normalTailsKeepTheirRelativePrecision() {
    // 1 - cdf(x) would lose every digit here: the tails are computed directly.
    assertThat(Normal.cdf(-3)).isCloseTo(0.0013498980316300957, within(1e-16));
    // Ten significant digits even where the probability is 3e-7 or 6e-16.
    assertThat(Normal.cdf(-5) / 2.866515718791946e-07).isCloseTo(1, within(1e-10));
    assertThat(Normal.cdf(-8) / 6.220960574271819e-16).isCloseTo(1, within(1e-10));
    // Down to the subnormal doubles (z = 38: 2.9e-316), then 0.
    assertThat(Normal.cdf(-38) / 2.88542835e-316).isCloseTo(1, within(1e-6));
    assertThat(Normal.cdf(-40)).isZero();
    assertThat(Normal.cdf(40)).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({
    "0.95, 1.6448536269514715",
    "0.975, 1.9599639845400536",
    "0.8, 0.8416212335729144",
    "0.5, 0",
    "0.001, -3.090232306167813",
    "1e-10, -6.361340902404056",
    "0.9999, 3.7190164854557084",
  })
  void normalQuantileMatchesReferenceValues(double p, double expected) {
    // 1e-9 absolute: the far tail (1e-10) inherits the CDF's 10 significant digits there.
    assertThat(Normal.quantile(p)).isCloseTo(expected, within(1e-9));
  }

  @Test
  void quantileRefusesProbabilitiesOutsideTheOpenInterval() {
    assertThatThrownBy(() -> Normal.quantile(0)).hasMessageContaining("strictly between 0 and 1");
    assertThatThrownBy(() -> Normal.quantile(1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void zTestTextbookExample() {
    // 120 of 200 against 90 of 200: pooled p = 0.525, SE = 0.0499375, z = 0.15 / SE = 3.00376.
    TwoProportionTest t = TwoProportionTest.greater(120, 200, 90, 200);
    assertThat(t.z()).isCloseTo(3.003757045930553, TIGHT);
    assertThat(t.pValue()).isCloseTo(0.0013333408968070493, within(1e-15));
  }

  @ParameterizedTest
  @CsvSource({
    "60, 300, 30, 300, 3.429971702850177, 0.0003018220990667165",
    "45, 1000, 30, 1000, 1.7654696590094991, 0.038742432566322337",
  })
  void zTestMatchesReference(long h1, long n1, long h2, long n2, double z, double p) {
    TwoProportionTest t = TwoProportionTest.greater(h1, n1, h2, n2);
    assertThat(t.z()).isCloseTo(z, TIGHT);
    assertThat(t.pValue()).isCloseTo(p, within(1e-14));
  }

  @Test
  void aWorseCandidateHasAPValueNearOne() {
    // The seed's question the wrong way round: a third email (2.6%) "instead of" a call (26.4%).
    TwoProportionTest t = TwoProportionTest.greater(26, 1000, 264, 1000);
    assertThat(t.z()).isCloseTo(-15.114538832854441, within(1e-9));
    assertThat(t.pValue()).isCloseTo(1, within(1e-15));
  }

  @Test
  void noVariationAtAllMeansNoEvidence() {
    assertThat(TwoProportionTest.greater(0, 50, 0, 40)).isEqualTo(new TwoProportionTest(0, 0.5));
    assertThat(TwoProportionTest.greater(50, 50, 40, 40)).isEqualTo(new TwoProportionTest(0, 0.5));
  }

  @Test
  void zTestRefusesImpossibleCounts() {
    assertThatThrownBy(() -> TwoProportionTest.greater(5, 4, 1, 10))
        .hasMessageContaining("0 <= hits <= n");
    assertThatThrownBy(() -> TwoProportionTest.greater(0, 0, 1, 10))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sampleSizeMatchesTheClassicTable() {
    // 10% vs 15%, two-sided 5% (one-sided 2.5%), 80% power: 686 per group in Fleiss' tables.
    assertThat(SampleSize.perGroup(0.10, 0.15, 0.025, 0.80)).hasValue(686);
    // One-sided 5%: 539.93 (Python reference) rounds up to 540.
    assertThat(SampleSize.perGroup(0.10, 0.15, 0.05, 0.80)).hasValue(540);
    assertThat(SampleSize.perGroup(0.5, 0.6, 0.05, 0.90)).hasValue(423);
    assertThat(SampleSize.perGroup(0.03, 0.26, 0.05, 0.80)).hasValue(28);
  }

  @Test
  void equalRatesNeedAnInfiniteSample() {
    assertThat(SampleSize.perGroup(0.2, 0.2, 0.05, 0.8)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "81, 263, 0.2553, 0.3662",
    "15, 148, 0.0624, 0.1605",
    "0, 20, 0, 0.1611",
    "1, 29, 0.0061, 0.1718",
  })
  void wilsonMatchesNewcombesTable(long hits, long n, double low, double high) {
    // Newcombe (1998), "Two-sided confidence intervals for the single proportion", method 3, to 4
    // places.
    Evidence e = Evidence.of(hits, n);
    assertThat(e.rate()).isEqualTo((double) hits / n);
    assertThat(e.ciLow()).isCloseTo(low, within(5e-5));
    assertThat(e.ciHigh()).isCloseTo(high, within(5e-5));
  }

  @Test
  void wilsonBoundsAreExactAtTheEnds() {
    assertThat(Evidence.of(0, 10).ciLow()).isZero();
    assertThat(Evidence.of(10, 10).ciHigh()).isEqualTo(1);
    assertThat(Evidence.of(0, 0)).isEqualTo(new Evidence(0, 0, 0, 0, 1));
  }
}
