package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.cadence.live.OutgoingEmail;
import dev.cadence.live.RunHolder;
import dev.cadence.live.RunLock;
import dev.cadence.live.ScriptedSender;
import dev.cadence.live.StateStore;
import dev.cadence.store.Stores;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run lock is the store's, not its spelling's: while a tick (another process) works, a tick
 * through a symbolic link, a relative path or {@code ./..} finds it in progress, and so does one
 * after the lock file beside the store was deleted.
 */
class StoreLockTest {
  static final String NOW = "2026-03-02T08:05:00Z";
  static final Duration LIMIT = Duration.ofSeconds(90);

  @TempDir Path dir;
  GreenMail smtp;
  Path db;
  final ScriptedSender sender = new ScriptedSender();
  final CommandContext context = CommandContext.system().withSenders((s, f, c) -> sender);

  @BeforeEach
  void setUp() throws Exception {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    Files.createDirectories(dir.resolve("store"));
    db = dir.resolve("store/real.db");
    EnrolledStore.emailsOnly(dir, db, 6);
  }

  @AfterEach
  void tearDown() {
    smtp.stop();
  }

  private String[] args(String dbSpelling) {
    return new String[] {
      "run",
      "--db",
      dbSpelling,
      "--now",
      NOW,
      "--smtp",
      "smtp://127.0.0.1:" + smtp.getSmtp().getPort(),
      "--from",
      "sales@northwind.example"
    };
  }

  @Test
  void everySpellingOfTheStoreAndADeletedLockFileMeetTheSameLock() throws Exception {
    Path marker = dir.resolve("paused");
    LiveProcesses.Forked first =
        LiveProcesses.start(
            dir,
            "first",
            Map.of(
                "CADENCE_TEST_PAUSE_AT",
                "after-claim",
                "CADENCE_TEST_PAUSE_MARKER",
                marker.toString()),
            args(db.toString()));
    LiveProcesses.awaitMarker(first, marker, LIMIT);
    long pid = first.process().pid();

    Path link = Files.createSymbolicLink(dir.resolve("link.db"), db);
    Path linkToDir = Files.createSymbolicLink(dir.resolve("elsewhere"), dir.resolve("store"));
    List<String> spellings =
        List.of(
            link.toString(),
            linkToDir.resolve("real.db").toString(),
            dir + "/store/../store/./real.db",
            Path.of("").toAbsolutePath().relativize(db).toString(),
            "jdbc:sqlite:" + link);
    for (String spelling : spellings) {
      var r = CliHarness.run(context, args(spelling));
      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.out()).as(r.toString()).contains("a tick is already in progress (pid " + pid);
    }
    Path info = dir.resolve("store/real.db.lock");
    assertThat(info).exists();
    Files.delete(info);
    var afterDelete = CliHarness.run(context, args(link.toString()));
    assertThat(afterDelete.exitCode()).as(afterDelete.toString()).isZero();
    assertThat(afterDelete.out())
        .as(afterDelete.toString())
        .contains("a tick is already in progress");
    assertThat(sender.handed()).as("no second tick sent anything").isEmpty();
    assertThat(dir.resolve("link.db.lock")).doesNotExist();

    first.kill9();
    var rerun = CliHarness.run(context, args(link.toString()));
    assertThat(rerun.exitCode()).as(rerun.toString()).isZero();
    List<String> to = new ArrayList<>(sender.handed().stream().map(OutgoingEmail::to).toList());
    for (MimeMessage m : smtp.getReceivedMessages()) {
      to.add(m.getAllRecipients()[0].toString());
    }
    assertThat(to).hasSize(6).doesNotHaveDuplicates();
  }

  @Test
  void openingAndClosingTheStoreBesideTheHolderKeepsTheLock() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("link.db"), db);
    try (StateStore holder = Stores.open(db)) {
      Optional<RunLock> lock =
          holder.tryLockRuns(RunHolder.me(Instant.now(), Duration.ofMinutes(10)));
      assertThat(lock).isPresent();
      // Another store on the same file in this process, opened and closed: POSIX locks belong to
      // the process, so a descriptor of the file closed here must not drop the holder's lock.
      Stores.open(link).close();
      Stores.open(db).close();
      LiveProcesses.Forked other = LiveProcesses.start(dir, "other", Map.of(), args(db.toString()));
      assertThat(other.waitFor(LIMIT)).as(other.stdout() + other.stderr()).isZero();
      assertThat(other.stdout()).contains("a tick is already in progress");
      assertThat(smtp.getReceivedMessages()).isEmpty();
      lock.get().close();
    }
    LiveProcesses.Forked after = LiveProcesses.start(dir, "after", Map.of(), args(db.toString()));
    assertThat(after.waitFor(LIMIT)).as(after.stdout() + after.stderr()).isZero();
    assertThat(smtp.getReceivedMessages()).hasSize(6);
  }
}
