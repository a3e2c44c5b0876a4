package dev.cadence.inbox;

import java.util.Objects;

/** One header field as received: its name as written and its value unfolded and decoded. */
public record Header(String name, String value) {
  public Header {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  /** True when this field is called {@code other}, ignoring case as RFC 5322 does. */
  public boolean is(String other) {
    return name.equalsIgnoreCase(other);
  }
}
