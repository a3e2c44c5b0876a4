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

/**
 * Files beside a cadence stop it only when it depends on them (its templates, the cadences it hands
 * off to, and theirs); the message names the broken file and a validate that shows its errors.
 */
class BrokenSiblingTest {
  private CommandContext context = CommandContext.system();
  @TempDir Path dir;
  ScriptedSender sender = new ScriptedSender();
  Path blast;
  Path leads;
  Path db;

  @BeforeEach
  void files() throws Exception {
    context = CommandContext.system().withSenders((smtp, from, clock) -> sender);
    blast = LiveFixture.cadence(dir, "blast", cadence("blast", "intro", ""));
    leads =
        LiveFixture.leads(
            dir, "leads.csv", List.of("L-1,ana@example.com,Ana,Acme,Europe/Paris,sophie,"));
    db = dir.resolve("c.db");
  }

  private static String cadence(String id, String template, String handoff) {
    return """
        cadence: %s
        schedule:
          timezone: lead
          fallback_timezone: Europe/Paris
          business_days: [MON, TUE, WED, THU, FRI]
          window: "09:00-17:00"
        exit_on: [unsubscribed, bounced]
        steps:
          - id: intro
            day: 1
            channel: email
            template: %s
        %s"""
        .formatted(id, template, handoff);
  }

  private CliHarness.CliResult cli(String... args) {
    return CliHarness.run(context, args);
  }

  private CliHarness.CliResult enroll(Path cadence) {
    return cli(
        "enroll",
        cadence.toString(),
        "--leads",
        leads.toString(),
        "--db",
        db.toString(),
        "--start",
        "2026-03-02",
        "--now",
        "2026-03-01T12:00:00Z");
  }

  private CliHarness.CliResult tick() {
    return cli(
        "run",
        "--db",
        db.toString(),
        "--now",
        "2026-03-02T08:05:00Z",
        "--smtp",
        "smtp://localhost:2525",
        "--from",
        "sales@northwind.example");
  }

  private static CliHarness.CliResult ok(CliHarness.CliResult r) {
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r;
  }

  @Test
  void aDraftWithASyntaxErrorBesideACadenceStopsNothing() throws Exception {
    Files.writeString(dir.resolve("draft.yaml"), "cadence: draft\nsteps: [\n  - id: x\n");

    ok(cli("validate", blast.toString()));
    ok(cli("plan", blast.toString(), "--leads", leads.toString(), "--start", "2026-03-02"));
    ok(
        cli(
            "simulate",
            blast.toString(),
            "--leads",
            leads.toString(),
            "--out",
            dir.resolve("sim.csv").toString()));
    ok(enroll(blast));
    ok(tick());
    assertThat(sender.handed()).extracting(e -> e.to()).containsExactly("ana@example.com");
  }

  @Test
  void aBrokenTemplateOfAHandoffTargetStopsTheCadenceAndIsNamed() throws Exception {
    Path hand =
        LiveFixture.cadence(
            dir, "hand", cadence("hand", "intro", "    next: { handoff: refund }\n"));
    Files.writeString(dir.resolve("refund.yaml"), cadence("refund", "refund", ""));
    Path template = dir.resolve("templates/refund.md");
    Files.writeString(template, "---\nsubject: Refund\n---\nHello\n");
    ok(enroll(hand));
    Files.writeString(template, "---\nsubject: Refund\n---\nHello {{first name}}\n");

    var plan = cli("plan", hand.toString(), "--leads", leads.toString());
    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(1);
    assertThat(plan.err())
        .as(plan.toString())
        .contains(template + ":4:7: error[bad-template]")
        .contains(
            "error: "
                + hand
                + " cannot be used: "
                + template
                + " does not validate; fix the errors above (see `cadence validate "
                + hand
                + " "
                + dir.resolve("refund.yaml")
                + "`)");

    var run = tick();
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .as(run.toString())
        .contains(
            "error: cadence hand: " + hand + " cannot run: " + template + " does not validate");
    assertThat(sender.handed()).isEmpty();
  }
}
