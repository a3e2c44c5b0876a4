package dev.cadence.report.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.TestCadences;
import dev.cadence.engine.DefaultPath;
import dev.cadence.engine.Engine;
import dev.cadence.model.Lead;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IcsPlanWriterTest {
  @Test
  void linesEndWithCrlfAndLongValuesAreFoldedWithoutSplittingCharacters() {
    Engine engine =
        new Engine(
            TestCadences.parse(
                """
        cadence: ics
        steps:
          - id: call-the-lead-about-the-renewal-of-the-contract-and-the-new-pricing
            channel: call
        """));
    Lead lead =
        new Lead(
            "L1",
            Map.of("company", "Société Générale des Éléphants Roses et Compagnie, très longue"),
            Optional.of(ZoneId.of("Europe/Paris")),
            false,
            2);
    StringWriter text = new StringWriter();
    try (PlanWriter w =
        PlanFormat.ICS.writer(
            new PrintWriter(text), false, Instant.parse("2026-11-27T10:00:00Z"))) {
      w.write(DefaultPath.plan(engine, lead, Instant.parse("2026-11-30T08:00:00Z"), 10));
    }
    String ics = text.toString();
    assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    String[] lines = ics.split("\r\n");
    for (String line : lines) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
    }
    String unfolded = ics.replace("\r\n ", "");
    assertThat(unfolded)
        .contains(
            "SUMMARY:call call-the-lead-about-the-renewal-of-the-contract-and-the-new-pricing - lead L1 "
                + "(Société Générale des Éléphants Roses et Compagnie\\, très longue)");
    assertThat(unfolded).contains("BEGIN:VALARM\r\nACTION:DISPLAY").contains("TRIGGER:-PT15M");
  }
}
