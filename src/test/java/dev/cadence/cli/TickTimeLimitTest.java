package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.live.ScriptedSender;
import dev.cadence.live.SendResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tick stops sending at its time limit (exit 3, the rest for the next tick), and a tick that
 * finds another one in progress far past that limit says loudly that it looks stuck (exit 3).
 */
class TickTimeLimitTest {
  static final String NOW = "2026-03-02T08:05:00Z";

  @TempDir Path dir;
  Path db;

  @BeforeEach
  void enrolled() throws Exception {
    db = dir.resolve("c.db");
    EnrolledStore.emailsOnly(dir, db, 20);
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
                "smtp://127.0.0.1:2525",
                "--from",
                "sales@northwind.example"));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void aSlowServerStopsTheTickAtItsLimitAndTheNextTickGoesOn() {
    ScriptedSender slow =
        new ScriptedSender(
            e -> {
              sleep(400);
              return new SendResult.Sent("250 OK");
            });
    CommandContext context = CommandContext.system().withSenders((s, f, c) -> slow);
    long start = System.nanoTime();
    var r = CliHarness.run(context, args("--max-time", "1s", "-q"));
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err())
        .as(r.toString())
        .contains("warning: stopped sending: the tick reached its time limit of 1s");
    assertThat(slow.handed().size()).isBetween(1, 6);
    assertThat(millis).isLessThan(6_000);

    ScriptedSender fast = new ScriptedSender();
    var next = CliHarness.run(CommandContext.system().withSenders((s, f, c) -> fast), args("-q"));
    assertThat(next.exitCode()).as(next.toString()).isZero();
    assertThat(slow.handed().size() + fast.handed().size()).isEqualTo(20);
  }

  @Test
  void aTickInProgressFarPastItsLimitLooksStuck() throws Exception {
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
            args("--max-time", "2m"));
    try {
      LiveProcesses.awaitMarker(first, marker, Duration.ofSeconds(90));
      ScriptedSender sender = new ScriptedSender();
      CommandContext now = CommandContext.system().withSenders((s, f, c) -> sender);
      var fresh = CliHarness.run(now, args("-q"));
      assertThat(fresh.exitCode()).as(fresh.toString()).isZero();
      assertThat(fresh.err()).isEmpty();

      Clock later = Clock.fixed(Instant.now().plus(Duration.ofMinutes(8)), ZoneOffset.UTC);
      var stuck = CliHarness.run(now.withClock(later), args("-q"));
      assertThat(stuck.exitCode()).as(stuck.toString()).isEqualTo(3);
      assertThat(stuck.err())
          .as(stuck.toString())
          .contains(
              "error: a tick has been in progress since ",
              "(pid " + first.process().pid() + ")",
              "past its 2m limit: it looks stuck");
      assertThat(sender.handed()).isEmpty();
    } finally {
      first.kill9();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
