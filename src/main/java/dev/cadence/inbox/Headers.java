package dev.cadence.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A message's (or an embedded message's) header fields in order, repeated names kept. */
public record Headers(List<Header> fields) {
  public static final Headers NONE = new Headers(List.of());

  public Headers {
    fields = List.copyOf(fields);
  }

  /** The first value of the field {@code name}, if present. */
  public Optional<String> first(String name) {
    for (Header h : fields) {
      if (h.is(name)) {
        return Optional.of(h.value());
      }
    }
    return Optional.empty();
  }

  /** The first value of {@code name}, or the empty string. */
  public String get(String name) {
    return first(name).orElse("");
  }

  /** Every value of the field {@code name}, in order. */
  public List<String> all(String name) {
    List<String> values = new ArrayList<>(1);
    for (Header h : fields) {
      if (h.is(name)) {
        values.add(h.value());
      }
    }
    return values;
  }

  public boolean has(String name) {
    return first(name).isPresent();
  }

  public boolean isEmpty() {
    return fields.isEmpty();
  }
}
