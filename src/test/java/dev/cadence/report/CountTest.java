package dev.cadence.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class CountTest {
  @Test
  void thousandsAreGroupedWithACommaAndNounsAgree() {
    assertThat(Count.of(200_000, "lead")).isEqualTo("200,000 leads");
    assertThat(Count.of(6_317, "event")).isEqualTo("6,317 events");
    assertThat(Count.of(1, "touch")).isEqualTo("1 touch");
    assertThat(Count.of(2, "touch")).isEqualTo("2 touches");
    assertThat(Count.of(3, "entry")).isEqualTo("3 entries");
    assertThat(Count.of(0, "row")).isEqualTo("0 rows");
    assertThat(Count.of(-1_234_567)).isEqualTo("-1,234,567");
  }

  @Property
  void theSameAsTheFormattersGrouping(@ForAll long n) {
    assertThat(Count.of(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
  }
}
