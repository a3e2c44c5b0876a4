package dev.cadence.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonTest {
  @Test
  void matchesPublishedValues() {
    // Wilson 95% for 5/10: 0.2366-0.7634; for 0/10: 0-0.2775; for 81/263: 0.2553-0.3662 (Newcombe
    // 1998 style check).
    Wilson.Interval half = Wilson.of(5, 10);
    assertThat(half.low()).isCloseTo(0.2366, within(1e-4));
    assertThat(half.high()).isCloseTo(0.7634, within(1e-4));
    Wilson.Interval none = Wilson.of(0, 10);
    assertThat(none.low()).isZero();
    assertThat(none.high()).isCloseTo(0.2775, within(1e-4));
    Wilson.Interval big = Wilson.of(81, 263);
    assertThat(big.rate()).isCloseTo(0.30798, within(1e-5));
    assertThat(big.low()).isCloseTo(0.2553, within(1e-4));
    assertThat(big.high()).isCloseTo(0.3662, within(1e-4));
  }

  @Test
  void allSuccessesReachOneAndTheIntervalAlwaysHoldsTheRate() {
    assertThat(Wilson.of(3, 3).high()).isEqualTo(1.0);
    assertThat(Wilson.of(3, 3).low()).isCloseTo(0.4385, within(1e-4));
    for (int n = 1; n < 60; n++) {
      for (int k = 0; k <= n; k++) {
        Wilson.Interval i = Wilson.of(k, n);
        assertThat(i.low()).isBetween(0.0, i.rate());
        assertThat(i.high()).isBetween(i.rate(), 1.0);
      }
    }
  }

  @Test
  void anEmptySampleHasNoRate() {
    assertThat(Double.isNaN(Wilson.of(0, 0).rate())).isTrue();
    assertThatThrownBy(() -> Wilson.of(4, 3)).isInstanceOf(IllegalArgumentException.class);
  }
}
