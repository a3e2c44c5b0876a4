package dev.cadence.report.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.TestCadences;
import dev.cadence.engine.DefaultPath;
import dev.cadence.engine.Engine;
import dev.cadence.model.Lead;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgendaPlanWriterTest {
  private static final String NL = System.lineSeparator();

  /**
   * Lines are rendered per plan and filed by day later: a line break inside a lead id must not
   * split them.
   */
  @Test
  void aLeadIdWithLineBreaksKeepsEachTouchOnItsDayInTimeOrder() {
    Engine engine =
        new Engine(
            TestCadences.parse(
                """
        cadence: agenda
        schedule: { window: "09:00-17:00", business_days: [MON, TUE, WED, THU, FRI] }
        steps:
          - id: intro
            day: 1
            channel: email
            template: intro
          - id: call
            day: 2
            channel: call
        """));
    Lead paris = new Lead("A\nB", Map.of(), Optional.of(ZoneId.of("Europe/Paris")), false, 2);
    Lead newYork = new Lead("NY-1", Map.of(), Optional.of(ZoneId.of("America/New_York")), false, 3);
    StringWriter text = new StringWriter();
    try (PlanWriter w =
        PlanFormat.TEXT.writer(
            new PrintWriter(text), true, Instant.parse("2026-11-27T10:00:00Z"))) {
      // Each enrolled at the start of Monday 30 November in its zone; New York first, yet later
      // each day.
      w.write(DefaultPath.plan(engine, newYork, Instant.parse("2026-11-30T05:00:00Z"), 10));
      w.write(DefaultPath.plan(engine, paris, Instant.parse("2026-11-29T23:00:00Z"), 10));
    }
    assertThat(text.toString())
        .isEqualTo(
            String.join(
                NL,
                "Mon 2026-11-30  (2 touches)",
                "  09:00 +01:00  A",
                "B           intro                     email",
                "  09:00 -05:00  NY-1          intro                     email",
                "Tue 2026-12-01  (2 touches)",
                "  09:00 +01:00  A",
                "B           call                      call",
                "  09:00 -05:00  NY-1          call                      call",
                ""));
  }
}
