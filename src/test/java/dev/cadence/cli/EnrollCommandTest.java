package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cadence.live.LiveFixture;
import dev.cadence.live.ScriptedSender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollCommandTest {
  private CommandContext context = CommandContext.system();
  @TempDir Path dir;
  Path db;
  Path cadence;
  ScriptedSender sender = new ScriptedSender();

  @BeforeEach
  void setUp() throws Exception {
    db = dir.resolve("c.db");
    cadence = LiveFixture.cadence(dir, "c", LiveFixture.EMAILS_ONLY);
    context = CommandContext.system().withSenders((smtp, from, clock) -> sender);
  }

  private CliHarness.CliResult enroll(Path leads, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "enroll",
                cadence.toString(),
                "--leads",
                leads.toString(),
                "--db",
                db.toString(),
                "--now",
                "2026-03-02T07:00:00Z"));
    args.addAll(List.of(extra));
    return CliHarness.run(context, args.toArray(String[]::new));
  }

  private CliHarness.CliResult run(String now) {
    return CliHarness.run(
        context,
        "run",
        "--db",
        db.toString(),
        "--now",
        now,
        "--smtp",
        "smtp://127.0.0.1:1",
        "--from",
        "s@northwind.example");
  }

  @Test
  void badRowsAreRejectedAsTheLeadReaderDoesAndTheGoodOnesEnrolled() throws Exception {
    Path leads = dir.resolve("leads.csv");
    Files.writeString(
        leads,
        "id,email,first_name,company,timezone\nL-1,a@example.com,A,Acme,Europe/Paris\n"
            + ",b@example.com,B,Beta,Europe/Paris\nL-3,not-an-email,C,Co,Europe/Paris\nL-4,d@example.com,D,Delta,Mars/Olympus\n"
            + "L-1,dup@example.com,E,Dup,Europe/Paris\n");
    var r = enroll(leads, "--rejects", dir.resolve("leads.rejects.csv").toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("enrolled 1 lead in emails-only");
    assertThat(r.err())
        .contains(
            "leads.csv:3: rejected",
            "leads.csv:4: rejected",
            "leads.csv:5: rejected",
            "leads.csv:6: rejected",
            "4 of 5 rows rejected");
    assertThat(dir.resolve("leads.rejects.csv")).exists();
    var strict =
        CliHarness.run(
            context,
            "enroll",
            cadence.toString(),
            "--leads",
            leads.toString(),
            "--db",
            dir.resolve("s.db").toString(),
            "--rejects",
            dir.resolve("strict.rejects.csv").toString(),
            "--strict");
    assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(1);
    assertThat(strict.err()).contains("nobody enrolled");
    var status =
        CliHarness.run(
            context, "status", "--db", dir.resolve("s.db").toString(), "--format", "json");
    assertThat(
            new ObjectMapper()
                .readTree(status.out())
                .get("cadences")
                .get(0)
                .get("enrollments")
                .asInt())
        .isZero();
  }

  @Test
  void doNotContactLeadsAreStoredAsEndedAndNeverEmailed() throws Exception {
    Path leads =
        LiveFixture.leads(
            dir,
            "leads.csv",
            List.of(
                "L-1,a@example.com,A,Acme,Europe/Paris,sophie,",
                "L-2,b@example.com,B,Beta,Europe/Paris,sophie,yes"));
    var r = enroll(leads, "--start", "2026-03-02");
    assertThat(r.out()).as(r.toString()).contains("enrolled 1 lead", "1 not to be contacted");
    assertThat(run("2026-03-02T08:05:00Z").exitCode()).isZero();
    assertThat(sender.handed()).extracting(e -> e.to()).containsExactly("a@example.com");
    // The list now says L-1 opted out: enrolling it again ends its enrollment.
    Path later =
        LiveFixture.leads(
            dir, "later.csv", List.of("L-1,a@example.com,A,Acme,Europe/Paris,sophie,true"));
    assertThat(enroll(later).out())
        .contains("1 already enrolled", "1 ended now: marked do_not_contact");
    run("2026-03-03T08:05:00Z");
    run("2026-03-05T08:05:00Z");
    assertThat(sender.handed()).hasSize(1);
  }

  @Test
  void startInTheFutureWaitsForThatDayInEachLeadsZone() throws Exception {
    Path leads =
        LiveFixture.leads(
            dir, "leads.csv", List.of("L-1,a@example.com,A,Acme,America/New_York,sophie,"));
    var r = enroll(leads, "--start", "2026-03-09", "--format", "json");
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("enrolled").asInt()).isEqualTo(1);
    run("2026-03-06T15:00:00Z");
    assertThat(sender.handed()).isEmpty();
    run("2026-03-09T13:05:00Z"); // 09:05 in New York (EDT since 8 March)
    assertThat(sender.handed()).hasSize(1);
  }

  @Test
  void anInvalidCadenceIsRefusedBeforeTheStoreIsCreated() throws Exception {
    Files.writeString(cadence, Files.readString(cadence).replace("day: 4", "day: 0"));
    var r =
        enroll(
            LiveFixture.leads(
                dir, "leads.csv", List.of("L-1,a@example.com,A,Acme,Europe/Paris,sophie,")));
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(db).doesNotExist();
  }

  @Test
  void aCadenceThatNoLongerValidatesWaitsWhileItsFileIsBroken() throws Exception {
    enroll(
        LiveFixture.leads(
            dir, "leads.csv", List.of("L-1,a@example.com,A,Acme,Europe/Paris,sophie,")),
        "--start",
        "2026-03-02");
    String good = Files.readString(cadence);
    Files.writeString(cadence, good.replace("template: followup", "template: nowhere"));
    var broken = run("2026-03-02T08:05:00Z");
    assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(1);
    assertThat(broken.err()).contains("cadence emails-only", "no longer validates");
    assertThat(sender.handed()).isEmpty();
    Files.writeString(cadence, good);
    assertThat(run("2026-03-02T08:10:00Z").exitCode()).isZero();
    assertThat(sender.handed()).hasSize(1);
  }

  @Test
  void aChangedCadenceRecomputesDueTimes() throws Exception {
    enroll(
        LiveFixture.leads(
            dir, "leads.csv", List.of("L-1,a@example.com,A,Acme,Europe/Paris,sophie,")),
        "--start",
        "2026-03-02");
    run("2026-03-02T08:05:00Z");
    run("2026-03-03T08:05:00Z");
    assertThat(sender.handed()).hasSize(2);
    // Day 4 becomes day 3: the stored due time (Thursday) would wait a day too long.
    Files.writeString(cadence, Files.readString(cadence).replace("day: 4", "day: 3"));
    var dry =
        CliHarness.run(
            context, "run", "--db", db.toString(), "--now", "2026-03-04T08:05:00Z", "--dry-run");
    assertThat(dry.out()).as(dry.toString()).contains("would send 1");
    var wed = run("2026-03-04T08:05:00Z");
    assertThat(wed.exitCode()).as(wed.toString()).isZero();
    assertThat(sender.handed()).hasSize(3);
  }
}
