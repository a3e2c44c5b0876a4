package dev.cadence.report.simulate;

import dev.cadence.engine.Ending;
import dev.cadence.model.Cadence;
import dev.cadence.simulate.SimulationStats;
import dev.cadence.simulate.SimulationStats.EndingKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a simulation did, for the summary: the counts, and how they were obtained.
 *
 * @param model where the response model came from ("default" or its path)
 * @param start when leads were enrolled, as given
 * @param log the outcome log written
 * @param rejected lead rows rejected by the reader
 */
public record SimulationReport(
    List<Cadence> cadences,
    SimulationStats stats,
    long seed,
    String model,
    String start,
    String log,
    long rejected) {
  public SimulationReport {
    cadences = List.copyOf(cadences);
  }

  /** Endings in a stable order: by cadence as given, most frequent first, then by kind and name. */
  public List<Map.Entry<EndingKey, Long>> endings() {
    List<String> order = cadences.stream().map(Cadence::id).toList();
    List<Map.Entry<EndingKey, Long>> out = new ArrayList<>(stats.endings().entrySet());
    out.sort(
        Comparator.<Map.Entry<EndingKey, Long>>comparingInt(
                e -> order.indexOf(e.getKey().cadence()))
            .thenComparing(Map.Entry::getValue, Comparator.reverseOrder())
            .thenComparing(e -> e.getKey().kind())
            .thenComparing(e -> e.getKey().name()));
    return out;
  }

  /** Refusals in a stable order: most frequent first. */
  public List<Map.Entry<SimulationStats.RefusalKey, Long>> refusals() {
    List<Map.Entry<SimulationStats.RefusalKey, Long>> out =
        new ArrayList<>(stats.refusals().entrySet());
    out.sort(
        Comparator.<Map.Entry<SimulationStats.RefusalKey, Long>, Long>comparing(
                Map.Entry::getValue, Comparator.reverseOrder())
            .thenComparing(e -> e.getKey().cadence())
            .thenComparing(e -> e.getKey().step())
            .thenComparing(e -> e.getKey().reason()));
    return out;
  }

  /** "exit", "event", "handoff", "completed", "suppressed": the kind as written in JSON. */
  static String kind(Ending.Kind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /** How an ending reads in text. */
  static String describe(EndingKey key) {
    return switch (key.kind()) {
      case EXIT -> "exit `" + key.name() + "`";
      case EVENT -> "event `" + key.name() + "` (exit_on)";
      case HANDOFF -> "handoff to `" + key.name() + "`";
      case COMPLETED -> "completed (after the last step)";
      case SUPPRESSED -> "not touched (" + key.name() + ")";
    };
  }
}
