package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cadence.live.LiveFixture;
import dev.cadence.live.ScriptedSender;
import dev.cadence.live.SendResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --format json on tasks, record, resolve, and the per-email list of run --dry-run. */
class LiveJsonFormatsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private final ScriptedSender sender = new ScriptedSender();
  private CommandContext context;
  private Path db;
  private Path cadence;

  @BeforeEach
  void setUp() throws Exception {
    context = CommandContext.system().withSenders((smtp, from, clock) -> sender);
    db = dir.resolve("c.db");
    cadence = LiveFixture.cadence(dir, "c", LiveFixture.THREE_STEPS);
    enroll(
        "leads.csv",
        "L-1,ana@example.com,Ana,Acme,Europe/Paris,sophie,",
        "L-2,bo@example.com,Bo,Beta,Europe/Paris,markus,");
  }

  private void enroll(String file, String... rows) throws Exception {
    Path leads = LiveFixture.leads(dir, file, List.of(rows));
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
  }

  private CliHarness.CliResult cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--db", db.toString()));
    return CliHarness.run(context, all.toArray(String[]::new));
  }

  private CliHarness.CliResult run(String now, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run", "--now", now, "--smtp", "smtp://127.0.0.1:1", "--from", "s@ours.example"));
    args.addAll(List.of(more));
    return cli(args.toArray(String[]::new));
  }

  private static CliHarness.CliResult ok(CliHarness.CliResult r) {
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r;
  }

  private static JsonNode json(CliHarness.CliResult r) throws Exception {
    return JSON.readTree(r.out());
  }

  @Test
  void runDryRunListsEveryEmailItWouldSend() throws Exception {
    CliHarness.CliResult r = ok(run("2026-03-02T08:05:00Z", "--dry-run", "--format", "json"));

    JsonNode tick = json(r);
    assertThat(tick.get("sent").asInt()).as(r.toString()).isEqualTo(2); // the keys stay
    assertThat(tick.get("dry_run").asBoolean()).isTrue();
    JsonNode emails = tick.get("emails");
    assertThat(emails).as(r.toString()).hasSize(2);
    JsonNode first = emails.get(0);
    List<String> keys = new ArrayList<>();
    first.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly("cadence", "lead_id", "step", "action", "to", "subject", "detail");
    assertThat(first.get("action").asText()).isEqualTo("send");
    assertThat(first.get("to").asText()).isEqualTo("ana@example.com");
    assertThat(first.get("subject").asText()).isEqualTo("Hello Ana");
    // Past the daily cap, the second waits, with no subject; before anything is due, none.
    JsonNode capped =
        json(ok(run("2026-03-02T08:05:00Z", "--dry-run", "--format", "json", "--daily-cap", "1")));
    assertThat(capped.get("emails").get(1).get("action").asText()).isEqualTo("defer_daily_cap");
    assertThat(capped.get("emails").get(1).get("subject").isNull()).isTrue();
    assertThat(json(ok(run("2026-03-01T13:00:00Z", "--dry-run", "--format", "json"))).get("emails"))
        .isEmpty();
    // A real tick keeps its one object, as before.
    assertThat(json(ok(run("2026-03-02T08:05:00Z", "--format", "json"))).has("emails")).isFalse();
  }

  @Test
  void tasksAsJsonHaveTheCsvColumnsAsKeys() throws Exception {
    ok(run("2026-03-02T08:05:00Z"));

    JsonNode tasks = json(ok(cli("tasks", "--format", "json")));

    assertThat(tasks).hasSize(2);
    List<String> keys = new ArrayList<>();
    tasks.get(0).fieldNames().forEachRemaining(keys::add);
    assertThat(String.join(",", keys)).isEqualTo(dev.cadence.report.live.TasksWriter.CSV_HEADER);
    assertThat(tasks.get(0).get("due").asText()).isEqualTo("2026-03-03T09:05:00+01:00");
    assertThat(tasks.get(0).get("visit").asInt()).isEqualTo(1);
    assertThat(tasks.get(0).get("phone").isNull()).isTrue();
    assertThat(json(ok(cli("tasks", "--format", "json", "--owner", "nobody")))).isEmpty();
  }

  @Test
  void recordAsJsonSaysWhatWasRecordedOrWhyNot() throws Exception {
    ok(run("2026-03-02T08:05:00Z"));
    CliHarness.CliResult one =
        ok(
            cli(
                "record",
                "--lead",
                "L-1",
                "--step",
                "intro",
                "--outcome",
                "opened",
                "--format",
                "json",
                "--now",
                "2026-03-02T10:00:00Z"));
    assertThat(json(one).get("result").asText()).as(one.toString()).isEqualTo("recorded");
    assertThat(json(one).get("cadence").asText()).isEqualTo("live-test");
    assertThat(json(one).get("ended").asBoolean()).isFalse();

    CliHarness.CliResult refused =
        cli(
            "record",
            "--lead",
            "L-1",
            "--step",
            "call",
            "--outcome",
            "connected",
            "--format",
            "json");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(json(refused).get("result").asText()).isEqualTo("refused");
    assertThat(json(refused).get("reason").asText()).contains("requires budget");

    Path csv = dir.resolve("outcomes.csv");
    Files.writeString(
        csv, "lead_id,step,outcome,budget\nL-1,call,connected,10k\nL-9,call,connected,1\n");
    CliHarness.CliResult rows =
        cli("record", "--csv", csv.toString(), "--format", "json", "--now", "2026-03-03T09:00:00Z");
    assertThat(rows.exitCode()).as(rows.toString()).isEqualTo(1);
    JsonNode doc = json(rows);
    assertThat(doc.get("recorded").asInt()).isEqualTo(1);
    assertThat(doc.get("refused").asInt()).isEqualTo(1);
    assertThat(doc.get("rows").get(0).get("location").asText()).endsWith("outcomes.csv:2");
    assertThat(doc.get("rows").get(0).get("result").asText()).isEqualTo("recorded");
    assertThat(doc.get("rows").get(1).get("reason").asText()).contains("L-9");
  }

  @Test
  void resolveAsJsonSaysWhetherTheSendWasSettled() throws Exception {
    sender.script(e -> new SendResult.InDoubt("no reply after DATA"));
    run("2026-03-02T08:05:00Z");

    JsonNode settled =
        json(
            ok(
                cli(
                    "resolve",
                    "--lead",
                    "L-1",
                    "--step",
                    "intro",
                    "--as",
                    "sent",
                    "--format",
                    "json")));
    CliHarness.CliResult again =
        cli("resolve", "--lead", "L-1", "--step", "intro", "--as", "sent", "--format", "json");

    assertThat(settled.get("settled").asBoolean()).as(settled.toString()).isTrue();
    assertThat(settled.get("cadence").asText()).isEqualTo("live-test");
    assertThat(settled.get("as").asText()).isEqualTo("sent");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(json(again).get("settled").asBoolean()).isFalse();
    assertThat(json(again).get("reason").asText()).isNotEmpty();
  }
}
