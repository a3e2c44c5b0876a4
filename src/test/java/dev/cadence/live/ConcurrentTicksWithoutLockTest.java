package dev.cadence.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.io.template.TemplateComposer;
import dev.cadence.model.Lead;
import dev.cadence.store.Stores;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second line of defence: even two ticks that both skipped the run lock (separate connections,
 * real concurrency) cannot send one touch twice, because a send moves from claimed to sending in
 * one transaction under the store's UNIQUE (enrollment, step, visit) key.
 */
class ConcurrentTicksWithoutLockTest {
  @TempDir Path dir;

  @Test
  void twoTicksRacingOverTheSameLeadsSendEachEmailOnce() throws Exception {
    ScriptedSender sender =
        new ScriptedSender(
            e -> {
              Thread.onSpinWait();
              return new SendResult.Sent("250 OK");
            });
    Instant now = Instant.parse("2026-03-02T08:05:00Z");
    MutableClock clock = new MutableClock(now);
    try (TickHarness h = new TickHarness(dir, LiveFixture.EMAILS_ONLY)) {
      List<Lead> leads = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        leads.add(TickHarness.lead("L-" + i, "l" + i + "@example.com", "Europe/Paris"));
      }
      h.enroll(leads, LocalDate.of(2026, 3, 2));
    }
    CyclicBarrier start = new CyclicBarrier(2);
    List<CompletableFuture<TickReport>> ticks = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      ticks.add(
          CompletableFuture.supplyAsync(
              () -> {
                try (StateStore store = Stores.open(dir.resolve("state.db"))) {
                  LiveCadence cadence = TickHarness.load(dir); // its own engine, same file
                  start.await();
                  return new Tick(
                          store,
                          Map.of(cadence.id(), cadence),
                          sender,
                          new TemplateComposer(),
                          clock,
                          new TickOptions(
                              "sales@northwind.example",
                              java.util.Optional.empty(),
                              java.util.Optional.empty()),
                          OutcomeSink.NONE,
                          CrashPoints.NONE)
                      .run(Map.of());
                } catch (Exception e) {
                  throw new RuntimeException(e);
                }
              }));
    }
    int sent = 0;
    for (var t : ticks) {
      sent += t.get(120, TimeUnit.SECONDS).sent();
    }
    assertThat(sender.handed()).hasSize(200);
    assertThat(sender.handed().stream().map(OutgoingEmail::messageId).distinct()).hasSize(200);
    assertThat(sent).isEqualTo(200);
  }
}
