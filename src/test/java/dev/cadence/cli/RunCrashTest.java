package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.cadence.live.LiveFixture;
import dev.cadence.live.SendRecord;
import dev.cadence.live.SendState;
import dev.cadence.live.StateStore;
import dev.cadence.store.Stores;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a real {@code cadence run} process at chosen points, then a rerun: no email twice, an
 * interrupted send that may have gone out is reported in doubt, and a killed tick leaves no lock.
 * The tick pauses at a point named by CADENCE_TEST_PAUSE_AT after writing a marker file.
 */
class RunCrashTest {
  static final String NOW = "2026-03-02T08:05:00Z"; // Monday 09:05 in Paris
  static final Duration LIMIT = Duration.ofSeconds(90);

  @TempDir Path dir;
  GreenMail smtp;
  Path db;

  @BeforeEach
  void setUp() throws Exception {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    db = dir.resolve("state.db");
    Path cadence = LiveFixture.cadence(dir, "c", LiveFixture.EMAILS_ONLY);
    Path leads =
        LiveFixture.leads(
            dir,
            "leads.csv",
            List.of(
                "L-1,ana@example.com,Ana,Acme,Europe/Paris,sophie,",
                "L-2,bo@example.com,Bo,Beta,Europe/Paris,sophie,",
                "L-3,cy@example.com,Cy,Gamma,Europe/Paris,sophie,"));
    var r =
        CliHarness.run(
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
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  @AfterEach
  void tearDown() {
    smtp.stop();
  }

  private String[] runArgs() {
    return new String[] {
      "run",
      "--db",
      db.toString(),
      "--now",
      NOW,
      "--smtp",
      "smtp://127.0.0.1:" + smtp.getSmtp().getPort(),
      "--from",
      "sales@northwind.example",
      "--log",
      dir.resolve("log.csv").toString()
    };
  }

  private LiveProcesses.Forked pausedAt(String point) throws Exception {
    Path marker = dir.resolve("paused-" + point);
    LiveProcesses.Forked f =
        LiveProcesses.start(
            dir,
            "paused-" + point,
            Map.of("CADENCE_TEST_PAUSE_AT", point, "CADENCE_TEST_PAUSE_MARKER", marker.toString()),
            runArgs());
    LiveProcesses.awaitMarker(f, marker, LIMIT);
    return f;
  }

  private List<String> recipients() throws Exception {
    List<String> to = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      to.add(m.getAllRecipients()[0].toString());
    }
    return to;
  }

  private List<SendRecord> sends(SendState... states) {
    try (StateStore store = Stores.open(db)) {
      return store.read(tx -> tx.sendsIn(EnumSet.copyOf(List.of(states))));
    }
  }

  @Test
  void killedAfterTheClaimNothingWentOutSoTheRerunSendsEachOnce() throws Exception {
    LiveProcesses.Forked first = pausedAt("after-claim");
    // A second tick while the first holds the lock: it does nothing and says so, exit 0.
    LiveProcesses.Forked second = LiveProcesses.start(dir, "second", Map.of(), runArgs());
    assertThat(second.waitFor(LIMIT)).as(second.stdout() + second.stderr()).isZero();
    assertThat(second.stdout()).contains("a tick is already in progress");
    first.kill9();
    assertThat(recipients()).isEmpty();

    LiveProcesses.Forked rerun = LiveProcesses.start(dir, "rerun", Map.of(), runArgs());
    assertThat(rerun.waitFor(LIMIT)).as(rerun.stdout() + rerun.stderr()).isZero();
    assertThat(recipients())
        .containsExactlyInAnyOrder("ana@example.com", "bo@example.com", "cy@example.com");
    assertThat(sends(SendState.IN_DOUBT)).isEmpty();
    assertThat(sends(SendState.SENT)).hasSize(3);
  }

  @Test
  void killedAfterDataTheSendIsInDoubtAndNeverRepeated() throws Exception {
    LiveProcesses.Forked first = pausedAt("after-data");
    first.kill9();
    assertThat(recipients()).hasSize(1);
    String delivered = recipients().get(0);

    LiveProcesses.Forked rerun = LiveProcesses.start(dir, "rerun", Map.of(), runArgs());
    // The send in doubt needs a person: cron sees it (exit 3, a warning on stderr).
    assertThat(rerun.waitFor(LIMIT)).as(rerun.stdout() + rerun.stderr()).isEqualTo(3);
    assertThat(rerun.stdout()).contains("1 interrupted send(s) now in doubt");
    assertThat(rerun.stderr()).contains("warning: 1 send(s) interrupted by a tick that stopped");
    assertThat(recipients()).hasSize(3).doesNotHaveDuplicates().contains(delivered);
    assertThat(sends(SendState.IN_DOUBT))
        .singleElement()
        .satisfies(s -> assertThat(s.recipient()).isEqualTo(delivered));

    LiveProcesses.Forked third = LiveProcesses.start(dir, "third", Map.of(), runArgs());
    assertThat(third.waitFor(LIMIT)).as(third.stdout() + third.stderr()).isZero();
    assertThat(recipients()).hasSize(3);
  }

  @Test
  void killedAfterSendingWasCommittedTheSendIsInDoubtEvenIfNothingWentOut() throws Exception {
    LiveProcesses.Forked first = pausedAt("after-sending");
    first.kill9();
    assertThat(recipients()).isEmpty();
    LiveProcesses.Forked rerun = LiveProcesses.start(dir, "rerun", Map.of(), runArgs());
    assertThat(rerun.waitFor(LIMIT)).as(rerun.stdout() + rerun.stderr()).isEqualTo(3);
    // Unknown to the tick: reported in doubt, not guessed. The other two go out.
    assertThat(sends(SendState.IN_DOUBT)).hasSize(1);
    assertThat(recipients()).hasSize(2).doesNotHaveDuplicates();
  }
}
