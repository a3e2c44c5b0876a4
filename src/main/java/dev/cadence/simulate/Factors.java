package dev.cadence.simulate;

import dev.cadence.model.Channel;
import java.util.Map;

/**
 * Multipliers of event probabilities, keyed by event ({@code replied}) or by channel and event
 * ({@code email.replied}); the channel-qualified key wins. An event not listed is multiplied by 1.
 */
public record Factors(Map<String, Double> byEvent) {
  public static final Factors NONE = new Factors(Map.of());

  public Factors {
    byEvent = Map.copyOf(byEvent);
    byEvent.forEach((k, v) -> {
      if (!(v >= 0) || v.isInfinite()) {
        throw new IllegalArgumentException("multiplier of " + k + " must be a finite number >= 0, was " + v);
      }
    });
  }

  public double of(Channel channel, String event) {
    if (byEvent.isEmpty()) {
      return 1.0;
    }
    Double qualified = byEvent.get(channel.yamlName() + "." + event);
    if (qualified != null) {
      return qualified;
    }
    return byEvent.getOrDefault(event, 1.0);
  }
}
