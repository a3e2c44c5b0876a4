package dev.cadence.simulate;

import static dev.cadence.simulate.SimulationFixtures.leads;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.TestCadences;
import dev.cadence.io.log.LogEncoder;
import dev.cadence.model.Lead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {
  final LeadSimulator simulator =
      new LeadSimulator(
          List.of(TestCadences.parse(LeadSimulatorTest.OUTBOUND)),
          LeadSimulatorTest.DEFAULT,
          99,
          new Start.OnDate(LocalDate.of(2026, 3, 2)),
          100);

  byte[] run(List<Lead> leads, int threads, int chunk, List<Long> progress) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Simulation s =
        new Simulation(simulator, LogEncoder::new, out::write, threads, chunk, progress::add)) {
      leads.forEach(s);
      SimulationStats stats = s.finish();
      assertThat(stats.leads()).isEqualTo(leads.size());
    }
    return out.toByteArray();
  }

  @Test
  void theLogIsTheSameWhateverTheThreadsAndChunksAndInInputOrder() throws IOException {
    List<Lead> leads = leads(2_000, "EMEA-FR", "NA-EAST", "APAC");
    List<Long> progress = new ArrayList<>();
    byte[] one = run(leads, 1, 2_000, new ArrayList<>());
    byte[] two = run(leads, 2, 7, progress);
    assertThat(two).isEqualTo(one);
    assertThat(progress).isSorted().last().isEqualTo(2_000L);
    String text = new String(one, java.nio.charset.StandardCharsets.UTF_8);
    List<String> order = text.lines().map(l -> l.split(",")[1]).distinct().toList();
    assertThat(order).isEqualTo(leads.stream().map(Lead::id).filter(order::contains).toList());
  }

  @Test
  void aFailureInAWorkerReachesTheCaller() {
    Simulation.ChunkEncoder failing =
        new Simulation.ChunkEncoder() {
          @Override
          public void accept(dev.cadence.model.OutcomeEvent e) {
            throw new IllegalStateException("boom");
          }

          @Override
          public void writeTo(Simulation.Output out) {}
        };
    try (Simulation s = new Simulation(simulator, () -> failing, (b, o, n) -> {}, 2, 3, n -> {})) {
      leads(10, "X").forEach(s);
      org.assertj.core.api.Assertions.assertThatThrownBy(s::finish).hasMessage("boom");
    }
  }
}
