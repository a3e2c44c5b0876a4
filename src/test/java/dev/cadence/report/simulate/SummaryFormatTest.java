package dev.cadence.report.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.TestCadences;
import dev.cadence.simulate.SimulationStats;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SummaryFormatTest {
  static final SimulationReport EMPTY =
      new SimulationReport(
          List.of(TestCadences.parse("cadence: c\nsteps:\n  - { id: a, channel: task }\n")),
          new SimulationStats(),
          1,
          "default",
          "2026-03-02",
          "log.csv",
          0);

  @ParameterizedTest
  @EnumSource(SummaryFormat.class)
  void renderingLeavesTheOutputOpen(SummaryFormat format) {
    // Main checks stdout for write errors after the command: a closed stream would read as a full
    // disk.
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    format.render(EMPTY, out);
    out.println("after");
    out.flush();
    assertThat(out.checkError()).isFalse();
    assertThat(text.toString()).endsWith("after" + System.lineSeparator());
  }

  @Test
  void aRunWithNoLeadsSaysSo() {
    StringWriter text = new StringWriter();
    SummaryFormat.TEXT.render(EMPTY, new PrintWriter(text));
    assertThat(text.toString())
        .startsWith(
            "simulated 0 leads (seed 1, model default, start 2026-03-02): 0 events written to log.csv")
        .contains("  a     task             0          0       -       0");
  }
}
