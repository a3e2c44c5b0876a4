package dev.cadence.simulate;

import dev.cadence.model.Channel;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * Multipliers of event probabilities, keyed by event ({@code replied}) or by channel and event
 * ({@code email.replied}); the channel-qualified key wins. An event not listed is multiplied by 1.
 */
public final class Factors {
  public static final Factors NONE = new Factors(Map.of());

  private final Map<String, Double> byEvent;

  /** Resolved once per channel: a lookup per draw must not build strings. */
  private final Map<Channel, Map<String, Double>> resolved = new EnumMap<>(Channel.class);

  public Factors(Map<String, Double> byEvent) {
    this.byEvent = Map.copyOf(byEvent);
    this.byEvent.forEach(
        (k, v) -> {
          if (!(v >= 0) || v.isInfinite()) {
            throw new IllegalArgumentException(
                "multiplier of " + k + " must be a finite number >= 0, was " + v);
          }
        });
    for (Channel c : Channel.values()) {
      Map<String, Double> forChannel = new HashMap<>();
      String prefix = c.yamlName() + ".";
      this.byEvent.forEach(
          (k, v) -> {
            if (k.indexOf('.') < 0) {
              forChannel.putIfAbsent(k, v);
            } else if (k.startsWith(prefix)) {
              forChannel.put(k.substring(prefix.length()), v);
            }
          });
      resolved.put(c, forChannel);
    }
  }

  /** The multipliers as written, by key. */
  public Map<String, Double> byEvent() {
    return byEvent;
  }

  public double of(Channel channel, String event) {
    Double f = resolved.get(channel).get(event);
    return f == null ? 1.0 : f;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Factors f && f.byEvent.equals(byEvent);
  }

  @Override
  public int hashCode() {
    return byEvent.hashCode();
  }

  @Override
  public String toString() {
    return "Factors" + byEvent;
  }
}
