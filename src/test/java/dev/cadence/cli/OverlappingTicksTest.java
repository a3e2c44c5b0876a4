package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.live.LiveFixture;
import dev.cadence.live.OutgoingEmail;
import dev.cadence.live.ScriptedSender;
import dev.cadence.live.SendResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two `cadence run` at once (threads, each with its own connection): the second does nothing and
 * exits 0.
 */
class OverlappingTicksTest {
  private CommandContext context = CommandContext.system();
  @TempDir Path dir;

  @Test
  void theSecondTickExitsZeroWhileTheFirstWorksAndNothingGoesTwice() throws Exception {
    Path cadence = LiveFixture.cadence(dir, "c", LiveFixture.EMAILS_ONLY);
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      rows.add("L-" + i + ",l" + i + "@example.com,N" + i + ",Co,Europe/Paris,sophie,");
    }
    Path db = dir.resolve("c.db");
    var enrolled =
        CliHarness.run(
            context,
            "enroll",
            cadence.toString(),
            "--leads",
            LiveFixture.leads(dir, "leads.csv", rows).toString(),
            "--db",
            db.toString(),
            "--start",
            "2026-03-02",
            "--now",
            "2026-03-01T12:00:00Z");
    assertThat(enrolled.exitCode()).as(enrolled.toString()).isZero();

    CountDownLatch firstSend = new CountDownLatch(1);
    ScriptedSender sender =
        new ScriptedSender(
            e -> {
              firstSend.countDown();
              sleep(20);
              return new SendResult.Sent("250 OK");
            });
    context = CommandContext.system().withSenders((smtp, from, clock) -> sender);
    String[] args = {
      "run",
      "--db",
      db.toString(),
      "--now",
      "2026-03-02T08:05:00Z",
      "--smtp",
      "smtp://127.0.0.1:1",
      "--from",
      "sales@northwind.example"
    };
    CompletableFuture<CliHarness.CliResult> first =
        CompletableFuture.supplyAsync(() -> CliHarness.run(context, args));
    assertThat(firstSend.await(60, TimeUnit.SECONDS)).isTrue();
    CliHarness.CliResult second = CliHarness.run(context, args);
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.out())
        .as(second.toString())
        .contains("a tick is already in progress (pid " + ProcessHandle.current().pid() + ")");
    CliHarness.CliResult done = first.get(120, TimeUnit.SECONDS);
    assertThat(done.exitCode()).as(done.toString()).isZero();
    assertThat(sender.handed()).hasSize(30);
    assertThat(sender.handed().stream().map(OutgoingEmail::to).distinct()).hasSize(30);
    // The lock is released: a third tick runs (and has nothing left to send).
    CliHarness.CliResult third = CliHarness.run(context, args);
    assertThat(third.out()).as(third.toString()).contains("tick 2026-03-02T08:05:00Z: sent 0");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
