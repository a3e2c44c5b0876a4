package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.live.LiveFixture;
import dev.cadence.live.ScriptedSender;
import dev.cadence.live.SendResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What needs a person makes {@code run -q} exit 3 with a warning on stderr, so that cron mails it:
 * a send in doubt (new, or left by a tick that stopped), a held message, an enrollment that cannot
 * go on. A tick with nothing of the kind stays silent with exit 0.
 */
class RunSeenByCronTest {
  static final String MONDAY = "2026-03-02T08:05:00Z";
  static final String TUESDAY = "2026-03-03T08:05:00Z";

  @TempDir Path dir;
  Path db;
  Path cadence;
  final ScriptedSender sender = new ScriptedSender();
  final CommandContext context = CommandContext.system().withSenders((s, f, c) -> sender);

  @BeforeEach
  void enrolled() throws Exception {
    db = dir.resolve("c.db");
    cadence = LiveFixture.cadence(dir, "c", LiveFixture.EMAILS_ONLY);
    var r =
        CliHarness.run(
            context,
            "enroll",
            cadence.toString(),
            "--leads",
            LiveFixture.leads(dir, "l.csv", List.of("L-1,ana@example.com,Ana,Acme,Europe/Paris,s,"))
                .toString(),
            "--db",
            db.toString(),
            "--start",
            "2026-03-02",
            "--now",
            "2026-03-01T12:00:00Z");
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  private CliHarness.CliResult quietTick(String now) {
    return CliHarness.run(
        context,
        "run",
        "--db",
        db.toString(),
        "--now",
        now,
        "--smtp",
        "smtp://127.0.0.1:2525",
        "--from",
        "sales@northwind.example",
        "-q");
  }

  @Test
  void aGoodTickIsSilent() {
    var r = quietTick(MONDAY);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out() + r.err()).isEmpty();
  }

  @Test
  void aSendInDoubtIsSeen() {
    sender.script(e -> new SendResult.InDoubt("no reply after the message body"));
    var r = quietTick(MONDAY);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).as(r.toString()).contains("warning: ", "in doubt", "cadence resolve");
  }

  @Test
  void aSendLeftInDoubtByAStoppedTickIsSeenOnce() throws Exception {
    OutOfRangeAndDamageTest.sql(
        db,
        "INSERT INTO sends (enrollment_id, step, visit, state, due_at, attempts, sender,"
            + " recipient, message_id, started_at, updated_at) VALUES (1, 'intro', 1, 'sending',"
            + " 0, 1, 'sales@northwind.example', 'ana@example.com', 'm@x', 0, 0)");
    var r = quietTick(MONDAY);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .as(r.toString())
        .contains("warning: 1 send(s) interrupted by a tick that stopped", "cadence resolve");
    assertThat(sender.handed()).isEmpty();
    var next = quietTick("2026-03-02T08:10:00Z");
    assertThat(next.exitCode()).as(next.toString()).isZero();
  }

  @Test
  void aHeldMessageIsSeen() throws Exception {
    Files.writeString(
        dir.resolve("templates/intro.md"), "---\nsubject: Hello {{nickname}}\n---\nHi.\n");
    var r = quietTick(MONDAY);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).as(r.toString()).contains("warning: lead L-1 step intro: held (");
    assertThat(sender.handed()).isEmpty();
  }

  @Test
  void anEnrollmentAtAStepTheCadenceNoLongerHasIsSeen() throws Exception {
    assertThat(quietTick(MONDAY).exitCode()).isZero();
    Files.writeString(cadence, LiveFixture.EMAILS_ONLY.replace("id: second", "id: second-take"));
    var r = quietTick(TUESDAY);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).as(r.toString()).contains("warning: lead L-1 in emails-only: ");
  }
}
