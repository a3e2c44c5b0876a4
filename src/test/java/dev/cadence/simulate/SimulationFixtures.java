package dev.cadence.simulate;

import dev.cadence.io.yaml.ResponseModelReader;
import dev.cadence.model.Lead;
import dev.cadence.model.OutcomeEvent;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Leads, models and runs for simulation tests. */
final class SimulationFixtures {
  private SimulationFixtures() {}

  static Lead lead(String id, String region, String zone) {
    Map<String, String> fields = new HashMap<>();
    fields.put("id", id);
    fields.put("email", id.toLowerCase() + "@example.com");
    fields.put("region", region);
    return new Lead(id, fields, Optional.ofNullable(zone).map(ZoneId::of), false, 0);
  }

  /** {@code n} leads L1..Ln spread over the given regions, in Paris time. */
  static List<Lead> leads(int n, String... regions) {
    List<Lead> out = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      out.add(lead("L" + i, regions[i % regions.length], "Europe/Paris"));
    }
    return out;
  }

  static ResponseModel model(String yaml) {
    var read = ResponseModelReader.read(yaml.getBytes(StandardCharsets.UTF_8));
    if (read.model().isEmpty()) {
      throw new AssertionError("test model does not read: " + read.problems());
    }
    return read.model().get();
  }

  /** Plays every lead in order on one thread; returns the events. */
  static List<OutcomeEvent> play(LeadSimulator sim, List<Lead> leads, SimulationStats stats) {
    List<OutcomeEvent> events = new ArrayList<>();
    for (Lead lead : leads) {
      sim.run(lead, events::add, stats);
    }
    return events;
  }
}
