package dev.cadence.model;

import java.util.Map;

/** The touches that must have been performed before an exit may be taken, by channel. */
public record Guard(Map<Channel, Integer> minimumTouches) {
  public static final Guard NONE = new Guard(Map.of());

  public Guard {
    minimumTouches = Map.copyOf(minimumTouches);
    for (Map.Entry<Channel, Integer> e : minimumTouches.entrySet()) {
      if (e.getValue() < 0) {
        throw new IllegalArgumentException("require." + e.getKey().yamlName() + " must be >= 0");
      }
    }
  }

  public boolean isEmpty() {
    return minimumTouches.isEmpty();
  }
}
