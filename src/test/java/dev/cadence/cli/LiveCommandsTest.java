package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cadence.live.LiveFixture;
import dev.cadence.live.ScriptedSender;
import dev.cadence.live.SendResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** record, tasks, status, resolve and log --rebuild over a store that run has worked on. */
class LiveCommandsTest {
  private CommandContext context = CommandContext.system();
  @TempDir Path dir;
  ScriptedSender sender = new ScriptedSender();
  Path db;
  Path log;
  Path cadence;

  @BeforeEach
  void setUp() throws Exception {
    context = CommandContext.system().withSenders((smtp, from, clock) -> sender);
    db = dir.resolve("c.db");
    log = dir.resolve("log.csv");
    cadence = LiveFixture.cadence(dir, "c", LiveFixture.THREE_STEPS);
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
    ok(run("2026-03-02T08:05:00Z"));
    assertThat(sender.handed()).hasSize(2);
  }

  private CliHarness.CliResult cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--db", db.toString()));
    return CliHarness.run(context, all.toArray(String[]::new));
  }

  private CliHarness.CliResult run(String now) {
    return cli(
        "run",
        "--now",
        now,
        "--smtp",
        "smtp://127.0.0.1:1",
        "--from",
        "sales@northwind.example",
        "--log",
        log.toString());
  }

  private static CliHarness.CliResult ok(CliHarness.CliResult r) {
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r;
  }

  @Test
  void callsBecomeTasksForTheirOwnerWithReminders() {
    var today = ok(cli("tasks", "--due", "today", "--now", "2026-03-03T07:30:00Z"));
    // The step's owner comes before the lead's (markus for L-2).
    assertThat(today.out())
        .as(today.toString())
        .contains("call call  L-1 Ana (Acme)", "call call  L-2 Bo (Beta)")
        .contains(
            "2026-03-03T09:05+01:00  sophie"); // day 2 at 09:00, but min_gap 1d after the 09:05
    // A header whose headings sit above their columns.
    List<String> lines = today.out().lines().toList();
    String header = lines.get(0);
    assertThat(header).as(today.toString()).startsWith("due ");
    for (String row : lines.subList(1, lines.size())) {
      assertThat(row.indexOf(" sophie") + 1)
          .as(today.toString())
          .isEqualTo(header.indexOf("owner"));
      assertThat(row.indexOf("call call")).as(today.toString()).isEqualTo(header.indexOf("step"));
      assertThat(row.indexOf("L-")).as(today.toString()).isEqualTo(header.indexOf("lead"));
    }
    // email
    assertThat(ok(cli("tasks", "--due", "today", "--now", "2026-03-02T10:00:00Z")).out())
        .isEqualTo("no task\n");
    var mine = ok(cli("tasks", "--owner", "sophie", "--format", "csv"));
    assertThat(mine.out())
        .startsWith("due,owner,channel,lead_id")
        .contains("\n2026-03-03T09:05:00+01:00,sophie,call,L-1,")
        .contains(",sophie,call,L-2,");
    var ics = ok(cli("tasks", "--format", "ics", "--now", "2026-03-03T07:30:00Z"));
    assertThat(ics.out())
        .contains(
            "BEGIN:VCALENDAR\n",
            "DTSTART:20260303T080500Z\n",
            "TRIGGER:-PT30M\n",
            "END:VCALENDAR\n"); // CRLF, normalised by the harness
    assertThat(ok(cli("tasks", "--owner", "nobody")).out()).isEqualTo("no task\n");
  }

  /** The CSV as a data tool reads it: `due` a timestamp with its offset, not text. */
  @Test
  void tasksCsvDueIsATimestampForDuckDb() throws Exception {
    var csv = ok(cli("tasks", "--format", "csv"));
    Path file = db.resolveSibling("tasks.csv");
    Files.writeString(file, csv.out());
    try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs =
            st.executeQuery(
                "SELECT typeof(any_value(due)), epoch(min(due))::BIGINT FROM read_csv('"
                    + file.toString().replace("'", "''")
                    + "')")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).as(csv.out()).isEqualTo("TIMESTAMP WITH TIME ZONE");
      // 2026-03-03T09:05:00+01:00, the first call.
      assertThat(rs.getLong(2))
          .as(csv.out())
          .isEqualTo(Instant.parse("2026-03-03T08:05:00Z").getEpochSecond());
    }
  }

  @Test
  void recordEnforcesRequiredFieldsThenFollowsTheOutcome() throws Exception {
    var refused =
        cli(
            "record",
            "--lead",
            "L-1",
            "--step",
            "call",
            "--outcome",
            "connected",
            "--now",
            "2026-03-03T09:00:00Z");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err()).contains("refused", "requires budget");
    var done =
        ok(
            cli(
                "record",
                "--lead",
                "L-1",
                "--step",
                "call",
                "--outcome",
                "connected",
                "--field",
                "budget=10k",
                "--now",
                "2026-03-03T09:00:00Z",
                "--log",
                log.toString()));
    assertThat(done.out()).contains("recorded connected for lead L-1 at call (live-test)");
    assertThat(Files.readString(log))
        .contains(
            "2026-03-03T10:00:00+01:00,L-1,live-test,call,call,,,called\n",
            "2026-03-03T10:00:00+01:00,L-1,live-test,call,call,,,connected\n");
    assertThat(
            cli(
                    "record",
                    "--lead",
                    "L-1",
                    "--step",
                    "call",
                    "--outcome",
                    "connected",
                    "--field",
                    "budget=1")
                .err())
        .contains("not pending");
    var bad = cli("record", "--lead", "L-1", "--step", "intro", "--outcome", "exploded");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains("unknown outcome `exploded`");
    var wrongChannel = cli("record", "--lead", "L-2", "--step", "call", "--outcome", "opened");
    assertThat(wrongChannel.err()).contains("a call step cannot have outcome `opened`");
    ok(run("2026-03-04T08:05:00Z")); // day 3 opens at 09:00, but min_gap 1d after the 10:00 call
    assertThat(sender.handed()).hasSize(2);
    ok(run("2026-03-04T09:05:00Z")); // the followup for L-1 only: L-2's call is still open
    assertThat(sender.handed())
        .extracting(e -> e.to())
        .containsExactly("ana@example.com", "bo@example.com", "ana@example.com");
  }

  @Test
  void unsubscribeSuppressesTheLeadEverywhere() throws Exception {
    Path other = LiveFixture.cadence(dir.resolve("other"), "o", LiveFixture.EMAILS_ONLY);
    ok(
        cli(
            "enroll",
            other.toString(),
            "--leads",
            dir.resolve("leads.csv").toString(),
            "--start",
            "2026-03-03",
            "--now",
            "2026-03-02T12:00:00Z"));
    ok(
        cli(
            "record",
            "--lead",
            "L-2",
            "--step",
            "intro",
            "--cadence",
            "live-test",
            "--outcome",
            "unsubscribed",
            "--now",
            "2026-03-02T12:00:00Z"));
    ok(run("2026-03-03T08:05:00Z"));
    assertThat(sender.handed())
        .extracting(e -> e.to())
        .containsExactly("ana@example.com", "bo@example.com", "ana@example.com");
    JsonNode status = new ObjectMapper().readTree(ok(cli("status", "--format", "json")).out());
    JsonNode emailsOnly = status.get("cadences").get(0);
    assertThat(emailsOnly.get("cadence").asText()).isEqualTo("emails-only");
    assertThat(emailsOnly.get("ended").get("suppressed").asInt()).isEqualTo(1);
    var again =
        cli(
            "enroll",
            other.toString(),
            "--leads",
            dir.resolve("leads.csv").toString(),
            "--now",
            "2026-03-03T12:00:00Z");
    assertThat(again.out()).contains("2 already enrolled");
  }

  @Test
  void recordCsvAppliesGoodRowsAndReportsRefusedOnesByLine() throws Exception {
    Path csv = dir.resolve("outcomes.csv");
    Files.writeString(
        csv,
        "lead_id,step,outcome,budget\nL-1,call,connected,10k\nL-2,call,connected,\nL-9,call,connected,1\n");
    var r = cli("record", "--csv", csv.toString(), "--now", "2026-03-03T09:00:00Z");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("recorded 1 outcome, refused 2");
    assertThat(r.err())
        .contains(
            "outcomes.csv:3: refused: step `call` requires budget",
            "outcomes.csv:4: refused: lead L-9 has no enrollment");
  }

  @Test
  void importingTheSameExportTwiceRecordsItOnce() throws Exception {
    Path csv = dir.resolve("mailbox.csv");
    Files.writeString(
        csv,
        "timestamp,lead_id,step,event,budget\n2026-03-02T11:00:00+01:00,L-1,intro,opened,\n"
            + "2026-03-03T10:00:00+01:00,L-2,call,connected,5k\n");
    ok(cli("record", "--csv", csv.toString(), "--log", log.toString()));
    String once = Files.readString(log);
    var again = ok(cli("record", "--csv", csv.toString(), "--log", log.toString()));
    assertThat(again.err()).contains("already recorded: opened", "already recorded: connected");
    assertThat(Files.readString(log)).isEqualTo(once);
    assertThat(once)
        .contains(
            ",L-1,live-test,intro,email,intro,,opened\n",
            ",L-2,live-test,call,call,,,called\n",
            ",L-2,live-test,call,call,,,connected\n");
  }

  @Test
  void statusCountsStepsAndListsSendsInDoubtUntilResolved() throws Exception {
    Path leads =
        LiveFixture.leads(
            dir, "more.csv", List.of("L-3,cy@example.com,Cy,Gamma,Europe/Paris,sophie,"));
    ok(
        cli(
            "enroll",
            cadence.toString(),
            "--leads",
            leads.toString(),
            "--start",
            "2026-03-02",
            "--now",
            "2026-03-02T08:10:00Z"));
    sender.script(e -> new SendResult.InDoubt("no reply after DATA"));
    var partial = run("2026-03-02T08:15:00Z");
    assertThat(partial.exitCode()).as(partial.toString()).isEqualTo(3);
    var text = ok(cli("status"));
    assertThat(text.out())
        .as(text.toString())
        .contains(
            "live-test (",
            "enrollments 3, active 3",
            "lead status: (none yet) 1, Attempted to contact 2")
        .contains(
            "in-doubt  live-test  lead L-3  step intro  to cy@example.com",
            "no reply after DATA",
            "cadence resolve");
    JsonNode json = new ObjectMapper().readTree(ok(cli("status", "--format", "json")).out());
    JsonNode intro = json.get("cadences").get(0).get("steps").get(0);
    assertThat(intro.get("step").asText()).isEqualTo("intro");
    assertThat(intro.get("sends").get("sent").asInt()).isEqualTo(2);
    assertThat(intro.get("sends").get("in-doubt").asInt()).isEqualTo(1);
    assertThat(json.get("attention").get(0).get("lead_id").asText()).isEqualTo("L-3");

    sender.script(e -> new SendResult.Sent("250 OK"));
    ok(run("2026-03-02T09:00:00Z"));
    assertThat(sender.handed()).hasSize(3); // never resent by itself
    var notFound = cli("resolve", "--lead", "L-1", "--step", "intro", "--as", "sent");
    assertThat(notFound.exitCode()).isEqualTo(1);
    ok(
        cli(
            "resolve",
            "--lead",
            "L-3",
            "--step",
            "intro",
            "--as",
            "not-sent",
            "--now",
            "2026-03-02T09:01:00Z"));
    ok(run("2026-03-02T09:05:00Z"));
    assertThat(sender.handed()).hasSize(4);
    assertThat(sender.handed().get(3).messageId()).isEqualTo(sender.handed().get(2).messageId());
    assertThat(ok(cli("status")).out()).doesNotContain("need a person");
  }

  @Test
  void resolvedAsSentTheFlowGoesOnAndTheLogHasTheSend() throws Exception {
    Path leads =
        LiveFixture.leads(
            dir, "more.csv", List.of("L-3,cy@example.com,Cy,Gamma,Europe/Paris,sophie,"));
    ok(
        cli(
            "enroll",
            cadence.toString(),
            "--leads",
            leads.toString(),
            "--start",
            "2026-03-02",
            "--now",
            "2026-03-02T08:10:00Z"));
    sender.script(e -> new SendResult.InDoubt("timeout"));
    run("2026-03-02T08:15:00Z");
    ok(cli("resolve", "--lead", "L-3", "--step", "intro", "--as", "sent", "--log", log.toString()));
    assertThat(Files.readString(log))
        .contains("2026-03-02T09:15:00+01:00,L-3,live-test,intro,email,intro,,sent");
    assertThat(ok(cli("tasks", "--now", "2026-03-03T08:00:00Z")).out())
        .contains("call call  L-3 Cy (Gamma)");
  }

  @Test
  void logRebuildWritesTheSameLogFromTheStore() throws Exception {
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
            "2026-03-02T10:00:00Z",
            "--log",
            log.toString()));
    Path rebuilt = dir.resolve("rebuilt.csv");
    var r = ok(cli("log", "--rebuild", "--out", rebuilt.toString()));
    assertThat(r.err()).contains("wrote 3 events");
    assertThat(Files.readString(rebuilt)).isEqualTo(Files.readString(log));
  }

  @Test
  void aLogTornByACutOffWriteKeepsLaterEventsWholeAndRebuildHealsIt() throws Exception {
    byte[] whole = Files.readAllBytes(log);
    Files.write(log, java.util.Arrays.copyOf(whole, whole.length - 12)); // the disk filled up
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
            "2026-03-02T10:00:00Z",
            "--log",
            log.toString()));
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).hasSize(4);
    assertThat(lines.get(3))
        .isEqualTo("2026-03-02T11:00:00+01:00,L-1,live-test,intro,email,intro,,opened");

    var r = ok(cli("log", "--rebuild", "--out", log.toString()));
    assertThat(r.err()).contains("wrote 3 events");
    Path copy = dir.resolve("copy.csv");
    ok(cli("log", "--rebuild", "--out", copy.toString()));
    assertThat(Files.readString(log)).isEqualTo(Files.readString(copy)).endsWith("opened\n");
    assertThat(ok(CliHarness.run("analyze", log.toString())).err()).isEmpty();
  }
}
