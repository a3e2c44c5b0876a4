package dev.cadence.model;

import java.util.Map;

/**
 * Where an element and each of its keys came from, so that checks on the model can point at the
 * exact line and column. Keys are the YAML key names ("day", "on.connected", "variants.EMEA").
 */
public record SourceMap(Pos self, Map<String, Pos> keys) {
  public static final SourceMap NONE = new SourceMap(Pos.NONE, Map.of());

  public SourceMap {
    keys = Map.copyOf(keys);
  }

  /** The position of the value under {@code key}, or of the element itself when unknown. */
  public Pos at(String key) {
    return keys.getOrDefault(key, self);
  }
}
