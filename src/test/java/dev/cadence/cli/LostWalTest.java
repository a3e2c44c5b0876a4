package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.cadence.live.SendState;
import dev.cadence.live.StateStore;
import dev.cadence.store.Stores;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * What an operator may do to the files of a store after a crash: deleting its {@code -wal} loses no
 * mark that prevents a second send (they reach the database file before the server sees the
 * message), and a store that lost sends anyway (an older copy put back) is refused until a person
 * accepts it.
 */
class LostWalTest {
  static final String NOW = "2026-03-02T08:05:00Z";
  static final Duration LIMIT = Duration.ofSeconds(90);
  static final int LEADS = 40;

  @TempDir Path dir;
  GreenMail smtp;
  Path db;

  @BeforeEach
  void setUp() throws Exception {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    db = dir.resolve("state.db");
    EnrolledStore.emailsOnly(dir, db, LEADS);
  }

  @AfterEach
  void tearDown() {
    smtp.stop();
  }

  private String[] args(String... more) {
    List<String> all =
        new ArrayList<>(
            List.of(
                "run",
                "--db",
                db.toString(),
                "--now",
                NOW,
                "--smtp",
                "smtp://127.0.0.1:" + smtp.getSmtp().getPort(),
                "--from",
                "sales@northwind.example",
                "--daily-cap",
                "1000"));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  private List<String> recipients() throws Exception {
    List<String> to = new ArrayList<>();
    for (MimeMessage m : smtp.getReceivedMessages()) {
      to.add(m.getAllRecipients()[0].toString());
    }
    return to;
  }

  @Test
  void deletingTheWalAfterACrashSendsNothingTwice() throws Exception {
    Path marker = dir.resolve("paused");
    LiveProcesses.Forked first =
        LiveProcesses.start(
            dir,
            "first",
            Map.of(
                "CADENCE_TEST_PAUSE_AT",
                "after-data#10",
                "CADENCE_TEST_PAUSE_MARKER",
                marker.toString()),
            args());
    LiveProcesses.awaitMarker(first, marker, LIMIT);
    first.kill9();
    assertThat(recipients()).hasSize(10);
    assertThat(dir.resolve("state.db-wal")).exists();
    Files.delete(dir.resolve("state.db-wal"));
    Files.deleteIfExists(dir.resolve("state.db-shm"));

    LiveProcesses.Forked rerun = LiveProcesses.start(dir, "rerun", Map.of(), args());
    int code = rerun.waitFor(LIMIT);
    assertThat(recipients()).as(rerun.stdout() + rerun.stderr()).doesNotHaveDuplicates();
    assertThat(code).as(rerun.stdout() + rerun.stderr()).isEqualTo(3); // sends now in doubt
    try (StateStore store = Stores.open(db)) {
      int inDoubt = store.read(tx -> tx.sendsIn(EnumSet.of(SendState.IN_DOUBT))).size();
      assertThat(recipients().size() + (inDoubt - 3)).isEqualTo(LEADS);
    }
  }

  @Test
  void aStoreThatLostSendsIsRefusedUntilAPersonAcceptsIt() throws Exception {
    Path backup = dir.resolve("backup.db");
    Files.copy(db, backup);
    var r = CliHarness.run(args("-q"));
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(recipients()).hasSize(LEADS);

    Files.copy(backup, db, StandardCopyOption.REPLACE_EXISTING); // an older copy put back
    var refused = CliHarness.run(args("-q"));
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
    assertThat(refused.err())
        .as(refused.toString())
        .contains("error: the state store has lost commits: a tick marked send " + LEADS)
        .contains("--accept-restored-store");
    assertThat(refused.err().lines().count()).isEqualTo(1);
    assertThat(recipients()).hasSize(LEADS);

    var again = CliHarness.run(args("-q", "--accept-restored-store"));
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(recipients()).as("the person said so: sent again").hasSize(2 * LEADS);
  }
}
