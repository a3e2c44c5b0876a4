package dev.cadence.model;

import java.util.Map;

/** The touches that must have been performed before an exit may be taken, by channel. */
public record Guard(Map<Channel, Integer> minimumTouches) {
  public static final Guard NONE = new Guard(Map.of());

  public Guard {
    minimumTouches = Map.copyOf(minimumTouches);
    minimumTouches.forEach(
        (channel, count) -> {
          if (count < 0) {
            throw new IllegalArgumentException("require." + channel.yamlName() + " must be >= 0");
          }
        });
  }

  public boolean isEmpty() {
    return minimumTouches.isEmpty();
  }
}
