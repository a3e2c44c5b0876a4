package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cadence.live.LiveFixture;
import dev.cadence.live.ScriptedSender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every live command takes --now, status and log included, and each uses it. */
class LiveNowOptionTest {
  @TempDir Path dir;
  private final ScriptedSender sender = new ScriptedSender();
  private CommandContext context;
  private Path db;

  @BeforeEach
  void setUp() throws Exception {
    context = CommandContext.system().withSenders((smtp, from, clock) -> sender);
    db = dir.resolve("c.db");
    Path cadence = LiveFixture.cadence(dir, "c", LiveFixture.THREE_STEPS);
    Path leads =
        LiveFixture.leads(
            dir,
            "leads.csv",
            List.of(
                "L-1,ana@example.com,Ana,Acme,Europe/Paris,sophie,",
                "L-2,bo@example.com,Bo,Beta,Europe/Paris,markus,"));
    ok(
        cli(
            "enroll",
            cadence.toString(),
            "--leads",
            leads.toString(),
            "--start",
            "2026-03-02",
            "--now",
            "2026-03-01T12:00:00Z"));
    ok(
        cli(
            "run",
            "--now",
            "2026-03-02T08:05:00Z",
            "--smtp",
            "smtp://127.0.0.1:1",
            "--from",
            "sales@northwind.example"));
  }

  private CliHarness.CliResult cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--db", db.toString()));
    return CliHarness.run(context, all.toArray(String[]::new));
  }

  private static CliHarness.CliResult ok(CliHarness.CliResult r) {
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r;
  }

  @Test
  void logRebuildWithNowKeepsTheEventsUpToThatTime() {
    ok(
        cli(
            "record",
            "--lead",
            "L-1",
            "--step",
            "intro",
            "--outcome",
            "opened",
            "--now",
            "2026-03-04T10:00:00Z"));

    String all = ok(cli("log", "--rebuild")).out();
    String then = ok(cli("log", "--rebuild", "--now", "2026-03-03T00:00:00Z")).out();

    assertThat(all.lines()).hasSize(4).last().asString().endsWith(",opened");
    assertThat(then.lines()).hasSize(3).noneMatch(l -> l.endsWith(",opened"));
    assertThat(cli("log", "--rebuild", "--now", "yesterday").exitCode()).isEqualTo(2);
  }

  @Test
  void logRebuildAsJsonIsAListOfEventsKeyedByTheLogColumns() throws Exception {
    Path file = dir.resolve("events.json");
    var r = ok(cli("log", "--rebuild", "--format", "json", "--out", file.toString()));

    JsonNode events = new ObjectMapper().readTree(file.toFile());
    assertThat(r.err()).isEqualTo("wrote 2 events to " + file + "\n");
    assertThat(events).hasSize(2);
    List<String> keys = new ArrayList<>();
    events.get(0).fieldNames().forEachRemaining(keys::add);
    assertThat(String.join(",", keys)).isEqualTo(dev.cadence.io.log.OutcomeLog.HEADER);
    assertThat(events.get(0).get("timestamp").asText()).isEqualTo("2026-03-02T09:05:00+01:00");
    assertThat(events.get(0).get("event").asText()).isEqualTo("sent");
    assertThat(
            new ObjectMapper()
                .readTree(
                    ok(cli("log", "--rebuild", "--format", "json", "--now", "2026-01-01T00:00:00Z"))
                        .out()))
        .isEmpty();
  }

  @Test
  void statusWithNowCountsThePausesThatStillHold() throws Exception {
    Path ooo = dir.resolve("ooo.eml");
    Files.writeString(
        ooo,
        """
        From: Ana <ana@example.com>
        To: sales@northwind.example
        Date: Mon, 2 Mar 2026 10:00:00 +0000
        Subject: Automatic reply: Hello Ana
        Auto-Submitted: auto-replied

        Out of the office, back on March 16.
        """);
    ok(cli("inbox", "--now", "2026-03-02T11:00:00Z", ooo.toString()));

    JsonNode away = json(ok(cli("status", "--format", "json", "--now", "2026-03-05T09:00:00Z")));
    JsonNode back = json(ok(cli("status", "--format", "json", "--now", "2026-03-20T09:00:00Z")));

    assertThat(away.at("/cadences/0/paused").asInt()).as(away.toString()).isEqualTo(1);
    assertThat(back.at("/cadences/0/paused").asInt()).as(back.toString()).isZero();
    assertThat(ok(cli("status", "--now", "2026-03-05T09:00:00Z")).out())
        .contains("enrollments 2, active 2 (1 paused)");
    assertThat(ok(cli("status", "--now", "2026-03-20T09:00:00Z")).out())
        .contains("enrollments 2, active 2\n");
  }

  private static JsonNode json(CliHarness.CliResult r) throws Exception {
    return new ObjectMapper().readTree(r.out());
  }
}
