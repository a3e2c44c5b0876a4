package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.live.ScriptedSender;
import dev.cadence.live.StateStore;
import dev.cadence.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code record --csv} imported again records nothing twice, without a timestamp column too, and
 * after a kill -9 in the middle of an import; the summary says what was recorded and what was
 * already there.
 */
class RecordReimportTest {
  static final int LEADS = 60;

  @TempDir Path dir;
  Path db;

  @BeforeEach
  void sent() throws Exception {
    db = dir.resolve("c.db");
    EnrolledStore.emailsOnly(dir, db, LEADS);
    ScriptedSender sender = new ScriptedSender();
    var run =
        CliHarness.run(
            CommandContext.system().withSenders((s, f, c) -> sender),
            "run",
            "--db",
            db.toString(),
            "--now",
            "2026-03-02T08:05:00Z",
            "--smtp",
            "smtp://127.0.0.1:2525",
            "--from",
            "sales@northwind.example");
    assertThat(run.exitCode()).as(run.toString()).isZero();
  }

  private Path opens() throws Exception {
    StringBuilder csv = new StringBuilder("lead_id,step,event\n");
    for (int i = 0; i < LEADS; i++) {
      csv.append("L-").append(i).append(",intro,opened\n");
      if (i % 3 == 0) {
        csv.append("L-").append(i).append(",intro,opened\n"); // the same row again: one outcome
      }
    }
    return Files.writeString(dir.resolve("opens.csv"), csv);
  }

  private Path opensAndClicks() throws Exception {
    StringBuilder csv = new StringBuilder("lead_id,step,event\n");
    for (String event : List.of("opened", "clicked")) {
      for (int i = 0; i < LEADS; i++) {
        csv.append("L-").append(i).append(",intro,").append(event).append('\n');
      }
    }
    return Files.writeString(dir.resolve("responses.csv"), csv);
  }

  private int events(String event) {
    try (StateStore store = Stores.open(db)) {
      int[] n = {0};
      store.read(
          tx -> {
            tx.forEachEvent(
                e -> {
                  if (e.event().equals(event)) {
                    n[0]++;
                  }
                });
            return null;
          });
      return n[0];
    }
  }

  private CliHarness.CliResult record(Path csv, String now) {
    return CliHarness.run("record", "--db", db.toString(), "--csv", csv.toString(), "--now", now);
  }

  @Test
  void withoutTimestampsASecondImportRecordsNothingAndSaysSo() throws Exception {
    Path csv = opens();
    int rows = LEADS + LEADS / 3;
    var first = record(csv, "2026-03-03T09:00:00Z");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.out())
        .isEqualTo(
            "recorded " + LEADS + " outcomes, " + LEADS / 3 + " already recorded (skipped)\n");
    assertThat(events("opened")).isEqualTo(LEADS);

    var again = record(csv, "2026-03-04T09:00:00Z");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out())
        .isEqualTo("recorded 0 outcomes, " + rows + " already recorded (skipped)\n");
    assertThat(events("opened")).isEqualTo(LEADS);
  }

  @Test
  void aKillInTheMiddleOfAnImportThenAReimportRecordsEachRowOnce() throws Exception {
    Path csv = opensAndClicks();
    int rows = 2 * LEADS;
    Path marker = dir.resolve("paused");
    LiveProcesses.Forked killed =
        LiveProcesses.start(
            dir,
            "killed",
            Map.of(
                "CADENCE_TEST_PAUSE_AT",
                "after-record#30",
                "CADENCE_TEST_PAUSE_MARKER",
                marker.toString()),
            "record",
            "--db",
            db.toString(),
            "--csv",
            csv.toString(),
            "--now",
            "2026-03-03T09:00:00Z");
    LiveProcesses.awaitMarker(killed, marker, Duration.ofSeconds(90));
    killed.kill9();
    assertThat(events("opened") + events("clicked")).isEqualTo(30);

    var again = record(csv, "2026-03-03T09:30:00Z");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.out())
        .isEqualTo("recorded " + (rows - 30) + " outcomes, 30 already recorded (skipped)\n");
    assertThat(events("opened")).isEqualTo(LEADS);
    assertThat(events("clicked")).isEqualTo(LEADS);
  }
}
