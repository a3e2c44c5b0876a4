package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
  @TempDir Path dir;
  Path cadence;
  Path leads;

  @BeforeEach
  void files() throws IOException {
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(
        dir.resolve("templates/intro.md"), "---\nsubject: Hi {{first_name}}\n---\nHello\n");
    cadence = dir.resolve("c.yaml");
    Files.writeString(
        cadence,
        """
        cadence: plan-test
        schedule:
          timezone: lead
          fallback_timezone: Europe/Paris
          window: "09:00-17:00"
          min_gap: 2h
        steps:
          - id: intro
            day: 1
            channel: email
            template: intro
          - id: call
            day: 2
            channel: call
            reminder: 30m
          - id: wrap-up
            wait: 3d
            channel: task
        """);
    leads = dir.resolve("leads.csv");
    Files.writeString(
        leads,
        """
        id,email,first_name,company,region,timezone
        L1,ana@example.fr,Ana,Acme,EMEA-FR,Europe/Paris
        L2,bob@example.com,Bob,"Big, Corp",NA-EAST,America/New_York
        L3,carl@example.com,Carl,Nozone,EMEA-DE,
        """);
  }

  @Test
  void jsonGivesEachTouchDueAtTheLeadsOwnOffset() throws IOException {
    var r =
        CliHarness.run(
            "plan",
            cadence.toString(),
            "--leads",
            leads.toString(),
            "--start",
            "2026-12-01",
            "--format",
            "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode plan = new ObjectMapper().readTree(r.out());
    assertThat(plan).hasSize(9);
    assertThat(plan.get(0).toString())
        .isEqualTo(
            "{\"lead_id\":\"L1\",\"cadence\":\"plan-test\",\"step\":\"intro\",\"channel\":\"email\",\"due\":\"2026-12-01T09:00:00+01:00\",\"visit\":1}");
    assertThat(plan.get(1).get("due").asText()).isEqualTo("2026-12-02T09:00:00+01:00");
    // wait: 3d after Wednesday 09:00 is Saturday 09:00 -> Monday 09:00.
    assertThat(plan.get(2).get("due").asText()).isEqualTo("2026-12-07T09:00:00+01:00");
    assertThat(plan.get(3).get("due").asText()).isEqualTo("2026-12-01T09:00:00-05:00");
    assertThat(plan.get(6).get("lead_id").asText()).isEqualTo("L3");
    assertThat(plan.get(6).get("due").asText())
        .as("no zone: the fallback")
        .isEqualTo("2026-12-01T09:00:00+01:00");
  }

  @Test
  void textShowsATablePerLeadAndHowItEnds() {
    var r =
        CliHarness.run(
            "plan", cadence.toString(), "--leads", leads.toString(), "--start", "2026-12-01");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("lead L2 in plan-test (America/New_York)")
        .contains("    1     1  Tue 2026-12-01 09:00 -05:00  intro                     email")
        .contains("ends after its last step");
  }

  @Test
  void textHeadersSitAboveTheirColumns() {
    var r =
        CliHarness.run(
            "plan", cadence.toString(), "--leads", leads.toString(), "--start", "2026-12-01");
    List<String> lines = r.out().lines().toList();
    String header = lines.stream().filter(l -> l.contains("#   day")).findFirst().orElseThrow();
    String row = lines.get(lines.indexOf(header) + 1);
    assertThat(row).as(r.toString()).contains(" intro ");
    // Each heading starts where its column's values start.
    assertThat(header.indexOf("due")).as(header + "\n" + row).isEqualTo(row.indexOf("Tue"));
    assertThat(header.indexOf("step")).as(header + "\n" + row).isEqualTo(row.indexOf("intro"));
    assertThat(header.indexOf("channel")).as(header + "\n" + row).isEqualTo(row.indexOf("email"));
  }

  @Test
  void theAgendaGroupsTouchesByDay() {
    var r =
        CliHarness.run(
            "plan",
            cadence.toString(),
            "--leads",
            leads.toString(),
            "--start",
            "2026-12-01",
            "--by",
            "day");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("Tue 2026-12-01  (3 touches)\n");
    assertThat(r.out()).contains("Mon 2026-12-07  (3 touches)");
  }

  @Test
  void csvHasAHeaderAndQuotesWhatNeedsIt() {
    var r =
        CliHarness.run(
            "plan",
            cadence.toString(),
            "--leads",
            leads.toString(),
            "--start",
            "2026-12-01",
            "--format",
            "csv");
    assertThat(r.out().lines()).first().isEqualTo("lead_id,cadence,step,channel,due,visit");
    assertThat(r.out().lines())
        .hasSize(10)
        .contains("L1,plan-test,call,call,2026-12-02T09:00:00+01:00,1");
  }

  @Test
  void icsHasAnEventPerTouchAndARemindersOnCalls() {
    var r =
        CliHarness.run(
            "plan",
            cadence.toString(),
            "--leads",
            leads.toString(),
            "--start",
            "2026-12-01",
            "--format",
            "ics",
            "--now",
            "2026-11-27T10:00:00Z");
    String ics = r.out();
    // (The harness normalises CRLF to LF; IcsPlanWriterTest checks the CRLF line endings and
    // folding.)
    assertThat(ics).startsWith("BEGIN:VCALENDAR\nVERSION:2.0\n").endsWith("END:VCALENDAR\n");
    assertThat(ics.split("BEGIN:VEVENT", -1)).hasSize(10);
    assertThat(ics.split("BEGIN:VALARM", -1)).as("calls and tasks").hasSize(7);
    assertThat(ics)
        .contains("TRIGGER:-PT30M")
        .contains("DTSTAMP:20261127T100000Z")
        .contains("DTSTART:20261201T080000Z")
        .contains("SUMMARY:email intro - lead L2 (Big\\, Corp)");
    for (String line : ics.split("\n")) {
      assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
          .isLessThanOrEqualTo(75);
    }
  }

  @Test
  void aCadenceThatDoesNotValidateIsRefusedWithItsDiagnostics() throws IOException {
    Files.writeString(cadence, "cadence: broken\nsteps:\n  - id: a\n    chanel: call\n");
    var r = CliHarness.run("plan", cadence.toString(), "--leads", leads.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("error[unknown-key]").contains("does not validate");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aSiblingClaimingTheSameCadenceIdIsRefused() throws IOException {
    Files.writeString(dir.resolve("copy.yaml"), Files.readString(cadence));
    var r = CliHarness.run("plan", cadence.toString(), "--leads", leads.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("error[duplicate-cadence]").contains("copy.yaml");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void badRowsAreNamedWithTheirLineAndWrittenToTheRejectsFile() throws IOException {
    Files.writeString(
        leads,
        "id,email,timezone\nL1,ana@example.fr,Europe/Paris\n,nobody@example.com,\nL3,not-an-email,\nL4,d@example.com,Mars/Olympus\n");
    var r =
        CliHarness.run(
            "plan",
            cadence.toString(),
            "--leads",
            leads.toString(),
            "--start",
            "2026-12-01",
            "--format",
            "csv",
            "--rejects",
            dir.resolve("leads.rejects.csv").toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .contains(leads + ":3: rejected:")
        .contains(leads + ":4: rejected:")
        .contains(leads + ":5: rejected:")
        .contains("3 of 4 rows rejected");
    assertThat(r.out().lines().filter(l -> l.startsWith("L1,"))).hasSize(3);
    assertThat(dir.resolve("leads.rejects.csv")).exists();
    var strict =
        CliHarness.run(
            "plan",
            cadence.toString(),
            "--leads",
            leads.toString(),
            "--strict",
            "--format",
            "csv",
            "--rejects",
            dir.resolve("strict.rejects.csv").toString());
    assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(1);
  }

  @Test
  void aLeadIdThatLooksLikeAFormulaIsWrittenDefused() throws IOException {
    Files.writeString(
        leads, "id,email,timezone\n\"=HYPERLINK(\"\"x\"\")\",a@example.fr,Europe/Paris\n");
    var r =
        CliHarness.run(
            "plan",
            cadence.toString(),
            "--leads",
            leads.toString(),
            "--start",
            "2026-12-01",
            "--format",
            "csv");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines().skip(1))
        .as(r.toString())
        .isNotEmpty()
        .allMatch(l -> l.startsWith("\"'=HYPERLINK(\"\"x\"\")\","));
  }

  @Test
  void usageErrorsAreOneLineWithExitTwo() {
    var missing =
        CliHarness.run("plan", cadence.toString(), "--leads", dir.resolve("nope.csv").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err())
        .isEqualTo("error: no such lead file: " + dir.resolve("nope.csv") + "\n");
    var badStart =
        CliHarness.run(
            "plan", cadence.toString(), "--leads", leads.toString(), "--start", "tomorrow");
    assertThat(badStart.exitCode()).isEqualTo(2);
    assertThat(badStart.err().lines()).hasSize(1);
  }
}
