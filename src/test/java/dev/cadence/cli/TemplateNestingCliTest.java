package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.live.LiveFixture;
import dev.cadence.live.ScriptedSender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A template nested thousands deep: validate says so, and run still sends every other email. */
class TemplateNestingCliTest {
  private CommandContext context = CommandContext.system();
  @TempDir Path dir;
  ScriptedSender sender = new ScriptedSender();

  @BeforeEach
  void scripted() {
    context = CommandContext.system().withSenders((smtp, from, clock) -> sender);
  }

  private static String cadence(String id, String template) {
    return """
        cadence: %s
        schedule:
          timezone: Europe/Paris
          business_days: [MON, TUE, WED, THU, FRI]
          window: "09:00-17:00"
        exit_on: [replied, unsubscribed, bounced]
        steps:
          - id: intro
            day: 1
            channel: email
            template: %s
        """
        .formatted(id, template);
  }

  @Test
  void aTooDeepTemplateFailsValidateAndHoldsOnlyItsOwnCadence() throws Exception {
    Path blast = LiveFixture.cadence(dir, "blast", cadence("blast", "deep"));
    Path other = LiveFixture.cadence(dir.resolve("elsewhere"), "other", cadence("other", "intro"));
    Path deep = dir.resolve("templates/deep.md");
    Files.writeString(deep, "---\nsubject: Hi\n---\nHello\n");
    Path db = dir.resolve("c.db");
    for (String[] c :
        new String[][] {{blast.toString(), "L-1,ana"}, {other.toString(), "L-2,bo"}}) {
      String[] row = c[1].split(",");
      Path leads =
          LiveFixture.leads(
              dir, row[0] + ".csv", List.of(row[0] + "," + row[1] + "@example.com,Ana,Acme,,,"));
      var enrolled =
          CliHarness.run(
              context,
              "enroll",
              c[0],
              "--leads",
              leads.toString(),
              "--db",
              db.toString(),
              "--start",
              "2026-03-02",
              "--now",
              "2026-03-01T12:00:00Z");
      assertThat(enrolled.exitCode()).as(enrolled.toString()).isZero();
    }
    Files.writeString(
        deep,
        "---\nsubject: Hi\n---\n"
            + "{{#first_name}}".repeat(20_000)
            + "x"
            + "{{/first_name}}".repeat(20_000)
            + "\n");

    var validated = CliHarness.run(context, "validate", blast.toString());
    assertThat(validated.exitCode()).as(validated.toString()).isEqualTo(1);
    assertThat(validated.out())
        .as(validated.toString())
        .contains(deep + ":4:1501: error[bad-template]: sections are nested more than 100 deep");

    var tick =
        CliHarness.run(
            context,
            "run",
            "--db",
            db.toString(),
            "--now",
            "2026-03-02T08:30:00Z",
            "--smtp",
            "smtp://localhost:2525",
            "--from",
            "sales@northwind.example");
    assertThat(tick.err()).as(tick.toString()).doesNotContain("StackOverflowError");
    assertThat(tick.exitCode()).as(tick.toString()).isEqualTo(1); // blast waits for its fix
    assertThat(sender.handed()).extracting(e -> e.to()).containsExactly("bo@example.com");
  }
}
