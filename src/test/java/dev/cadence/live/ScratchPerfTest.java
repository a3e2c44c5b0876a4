package dev.cadence.live;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchPerfTest {
  @TempDir Path dir;

  @Test
  void perf() throws Exception {
    try (TickHarness h = new TickHarness(dir, LiveFixture.EMAILS_ONLY)) {
      List<dev.cadence.model.Lead> leads = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        leads.add(TickHarness.lead("L-" + i, "l" + i + "@example.com", "Europe/Paris"));
      }
      h.enroll(leads, LocalDate.of(2026, 3, 2));
      h.sender.script(e -> new SendResult.Sent("250"));
      long[] w = new long[4];
      StateStore timed = new StateStore() {
        public <T> T write(java.util.function.Function<Tx, T> work) {
          long a = System.nanoTime(); T t = h.store.write(work); w[0] += System.nanoTime() - a; return t;
        }
        public <T> T writeBuffered(java.util.function.Function<Tx, T> work) {
          long a = System.nanoTime(); T t = h.store.writeBuffered(work); w[1] += System.nanoTime() - a; return t;
        }
        public <T> T read(java.util.function.Function<Tx, T> work) {
          long a = System.nanoTime(); T t = h.store.read(work); w[2] += System.nanoTime() - a; return t;
        }
        public void close() {}
      };
      long t0 = System.nanoTime();
      h.clock.set(Instant.parse("2026-03-02T08:05:00Z"));
      var r = new Tick(timed, java.util.Map.of(h.cadence.id(), h.cadence), h.sender, h.composer, h.clock, h.options, e -> {}, CrashPoints.NONE).run(java.util.Map.of());
      System.err.println("PERF write " + w[0] / 1e6 + " buffered " + w[1] / 1e6 + " read " + w[2] / 1e6);
      long t1 = System.nanoTime();
      System.err.println("PERF sent " + r.sent + " in " + (t1 - t0) / 1e6 + " ms: " + r.sent / ((t1 - t0) / 1e9) + "/s");
    }
  }
}
