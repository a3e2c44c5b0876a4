package dev.cadence.simulate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The responses of one channel: base probability of each event, the general outcomes after a
 * response (exclusive), and the delay of each event.
 *
 * @param events event -> probability (see {@link Responder} for what each is conditional on)
 * @param outcomes outcome -> probability after a reply (email, social) or a connected call
 * @param delays event -> delay; an event with none happens at once
 */
public record ChannelModel(
    Map<String, Double> events, Map<String, Double> outcomes, Map<String, Delay> delays) {
  public static final ChannelModel SILENT = new ChannelModel(Map.of(), Map.of(), Map.of());

  public ChannelModel {
    // Outcomes keep the file's order: it decides which share of a draw each one gets.
    events = Map.copyOf(events);
    outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
    delays = Map.copyOf(delays);
    events.forEach(ChannelModel::checkProbability);
    outcomes.forEach(ChannelModel::checkProbability);
  }

  public double p(String event) {
    return events.getOrDefault(event, 0.0);
  }

  /** The outcomes' names, in the file's order. */
  public List<String> outcomeNames() {
    return List.copyOf(outcomes.keySet());
  }

  public Delay delay(String event) {
    return delays.getOrDefault(event, Delay.NONE);
  }

  private static void checkProbability(String name, Double p) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("probability of " + name + " must be in [0, 1], was " + p);
    }
  }
}
