package dev.cadence.io.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.cli.CliHarness;
import dev.cadence.cli.EnrolledStore;
import dev.cadence.io.mail.ScriptedSmtpServer.Step;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cadence run} against a server that dribbles one byte every half second: with {@code
 * ?timeout=2s} the tick is over in seconds (exit 3), not minutes, and the next tick with a good
 * server sends everything once.
 */
class DribblingServerTickTest {
  @TempDir Path dir;
  ScriptedSmtpServer server;
  Path db;

  @BeforeEach
  void setUp() throws Exception {
    server = ScriptedSmtpServer.start();
    db = dir.resolve("c.db");
    EnrolledStore.emailsOnly(dir, db, 10);
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  private CliHarness.CliResult tick(String now, String query) {
    return CliHarness.run(
        "run",
        "--db",
        db.toString(),
        "--now",
        now,
        "--smtp",
        "smtp://" + server.host() + ":" + server.port() + query,
        "--from",
        "sales@northwind.example",
        "-q");
  }

  @Test
  void aDribblingGreetingEndsTheTickInSecondsAndChargesNoLead() {
    server.on(
        Step.GREETING,
        ScriptedSmtpServer.trickle(500)
            + "220 slow.example ESMTP dribbling its greeting one byte at a time, for minutes on end");
    long start = System.nanoTime();
    var r = tick("2026-03-02T08:05:00Z", "?timeout=2s");
    long seconds = (System.nanoTime() - start) / 1_000_000_000;
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(seconds).as(r.toString()).isLessThan(20);
    assertThat(r.err())
        .as(r.toString())
        .contains("deadline for one message", "(not counted against the lead)");

    server.on(Step.GREETING, "220 fine ESMTP");
    // The send that met the dribbling server waits its 5 minutes, uncharged; the others go now.
    var good = tick("2026-03-02T08:11:00Z", "?timeout=2s");
    assertThat(good.exitCode()).as(good.toString()).isZero();
    assertThat(server.bodies()).hasSize(10);
  }
}
