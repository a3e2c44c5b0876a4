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

class RunCommandTest {
  private CommandContext context = CommandContext.system();
  @TempDir Path dir;
  ScriptedSender sender = new ScriptedSender();

  @BeforeEach
  void scripted() {
    context = CommandContext.system().withSenders((smtp, from, clock) -> sender);
  }

  private CliHarness.CliResult run(String now, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "run",
                "--db",
                dir.resolve("c.db").toString(),
                "--now",
                now,
                "--smtp",
                "smtp://localhost:2525",
                "--from",
                "sales@northwind.example",
                "--log",
                dir.resolve("log.csv").toString()));
    args.addAll(List.of(extra));
    return CliHarness.run(context, args.toArray(String[]::new));
  }

  @Test
  void enrollThenTicksSendEachEmailOnceInsideTheWindow() throws Exception {
    Path cadence = LiveFixture.cadence(dir, "c", LiveFixture.EMAILS_ONLY);
    Path leads =
        LiveFixture.leads(
            dir,
            "leads.csv",
            List.of(
                "L-1,ana@example.com,Ana,Acme,Europe/Paris,sophie,",
                "L-2,bo@example.com,Bo,Beta,America/New_York,sophie,"));
    var enrolled =
        CliHarness.run(
            context,
            "enroll",
            cadence.toString(),
            "--leads",
            leads.toString(),
            "--db",
            dir.resolve("c.db").toString(),
            "--start",
            "2026-03-02",
            "--now",
            "2026-03-01T12:00:00Z");
    assertThat(enrolled.exitCode()).as(enrolled.toString()).isZero();
    assertThat(enrolled.out()).as(enrolled.toString()).contains("enrolled 2 leads");

    var early = run("2026-03-02T07:00:00Z");
    assertThat(early.exitCode()).as(early.toString()).isZero();
    assertThat(sender.handed()).isEmpty();

    var paris = run("2026-03-02T08:05:00Z"); // 09:05 in Paris, 03:05 in New York
    assertThat(paris.exitCode()).as(paris.toString()).isZero();
    assertThat(sender.handed()).extracting(e -> e.to()).containsExactly("ana@example.com");
    assertThat(sender.handed().get(0).subject()).isEqualTo("Hello Ana");

    var again = run("2026-03-02T08:06:00Z");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(sender.handed()).hasSize(1);

    var ny = run("2026-03-02T14:01:00Z"); // 09:01 in New York
    assertThat(sender.handed())
        .extracting(e -> e.to())
        .containsExactly("ana@example.com", "bo@example.com");

    var reEnroll =
        CliHarness.run(
            context,
            "enroll",
            cadence.toString(),
            "--leads",
            leads.toString(),
            "--db",
            dir.resolve("c.db").toString(),
            "--now",
            "2026-03-02T15:00:00Z");
    assertThat(reEnroll.out())
        .as(reEnroll.toString())
        .contains("enrolled 0 leads", "2 already enrolled");

    String log = Files.readString(dir.resolve("log.csv"));
    assertThat(log)
        .startsWith("timestamp,lead_id,cadence,step,channel,template,region,event\n")
        .contains("2026-03-02T09:05:00+01:00,L-1,emails-only,intro,email,intro,,sent")
        .contains("2026-03-02T09:01:00-05:00,L-2,emails-only,intro,email,intro,,sent");
  }

  @Test
  void dryRunPrintsWhatWouldGoAndChangesNothing() throws Exception {
    Path cadence = LiveFixture.cadence(dir, "c", LiveFixture.EMAILS_ONLY);
    Path leads =
        LiveFixture.leads(
            dir, "leads.csv", List.of("L-1,ana@example.com,Ana,Acme,Europe/Paris,sophie,"));
    CliHarness.run(
        context,
        "enroll",
        cadence.toString(),
        "--leads",
        leads.toString(),
        "--db",
        dir.resolve("c.db").toString(),
        "--start",
        "2026-03-02",
        "--now",
        "2026-03-01T12:00:00Z");
    byte[] before = Files.readAllBytes(dir.resolve("c.db"));
    var dry = run("2026-03-02T08:05:00Z", "--dry-run");
    assertThat(dry.exitCode()).as(dry.toString()).isZero();
    assertThat(dry.out())
        .contains(
            "emails-only L-1 intro: would send `Hello Ana` to ana@example.com", "would send 1");
    assertThat(sender.handed()).isEmpty();
    assertThat(dir.resolve("log.csv")).doesNotExist();
    assertThat(Files.readAllBytes(dir.resolve("c.db"))).isEqualTo(before);
    var real = run("2026-03-02T08:05:00Z", "--format", "json");
    assertThat(real.out()).as(real.toString()).contains("\"sent\": 1", "\"dry_run\": false");
    assertThat(sender.handed()).hasSize(1);
  }
}
