package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cadence.live.LiveFixture;
import dev.cadence.live.ScriptedSender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handoff enrolls the lead in the target cadence (found beside the source), in the same
 * transaction.
 */
class HandoffTest {
  private CommandContext context = CommandContext.system();
  @TempDir Path dir;

  @Test
  void aRecordedOutcomeThatHandsOverEnrollsTheLeadInTheTarget() throws Exception {
    Path source =
        LiveFixture.cadence(
            dir,
            "orders",
            """
        cadence: orders
        schedule:
          timezone: Europe/Paris
          window: "09:00-17:00"
        steps:
          - id: check
            day: 1
            channel: call
            on:
              returned: { handoff: refunds }
        """);
    Files.writeString(
        dir.resolve("refunds.yaml"),
        """
        cadence: refunds
        schedule:
          timezone: Europe/Paris
          window: "09:00-17:00"
        steps:
          - id: sorry
            channel: email
            template: intro
        """);
    Path db = dir.resolve("c.db");
    Path leads =
        LiveFixture.leads(
            dir, "leads.csv", List.of("L-1,ana@example.com,Ana,Acme,Europe/Paris,sophie,"));
    var enrolled =
        CliHarness.run(
            context,
            "enroll",
            source.toString(),
            "--leads",
            leads.toString(),
            "--db",
            db.toString(),
            "--start",
            "2026-03-02",
            "--now",
            "2026-03-01T12:00:00Z");
    assertThat(enrolled.exitCode()).as(enrolled.toString()).isZero();
    var recorded =
        CliHarness.run(
            context,
            "record",
            "--lead",
            "L-1",
            "--step",
            "check",
            "--outcome",
            "returned",
            "--db",
            db.toString(),
            "--now",
            "2026-03-02T09:00:00Z");
    assertThat(recorded.exitCode()).as(recorded.toString()).isZero();
    assertThat(recorded.out()).contains("the enrollment ended");

    JsonNode status =
        new ObjectMapper()
            .readTree(
                CliHarness.run(context, "status", "--db", db.toString(), "--format", "json").out());
    assertThat(status.get("cadences")).hasSize(2);
    assertThat(status.get("cadences").get(0).get("ended").get("handoff").asInt()).isEqualTo(1);
    assertThat(status.get("cadences").get(1).get("cadence").asText()).isEqualTo("refunds");
    assertThat(status.get("cadences").get(1).get("active").asInt()).isEqualTo(1);

    ScriptedSender sender = new ScriptedSender();
    context = CommandContext.system().withSenders((smtp, from, clock) -> sender);
    var run =
        CliHarness.run(
            context,
            "run",
            "--db",
            db.toString(),
            "--now",
            "2026-03-02T09:05:00Z",
            "--smtp",
            "smtp://127.0.0.1:1",
            "--from",
            "care@northwind.example");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(sender.handed())
        .singleElement()
        .satisfies(e -> assertThat(e.subject()).isEqualTo("Hello Ana"));
  }
}
