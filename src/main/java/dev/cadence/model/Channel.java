package dev.cadence.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** How a step touches the lead, with the touch event it logs and the responses it can produce. */
public enum Channel {
  EMAIL("sent", Set.of("opened", "clicked", "replied", "bounced", "unsubscribed")),
  CALL("called", Set.of("connected", "no_answer", "voicemail", "wrong_number")),
  SOCIAL("sent", Set.of("accepted", "replied")),
  TASK("done", Set.of()),
  APPROVAL("requested", Set.of("approved", "rejected")),
  MEETING("done", Set.of());

  private final String touchEvent;
  private final Set<String> responses;
  private final String yamlName;

  Channel(String touchEvent, Set<String> responses) {
    this.touchEvent = touchEvent;
    this.responses = responses;
    this.yamlName = name().toLowerCase(Locale.ROOT);
  }

  /** The name used in cadence files and logs ("email", "call", ...). */
  public String yamlName() {
    return yamlName;
  }

  public String touchEvent() {
    return touchEvent;
  }

  /** Response events specific to this channel (see {@link Outcomes#GENERAL} for the others). */
  public Set<String> responses() {
    return responses;
  }

  /** True if a step on this channel can end with {@code outcome}. */
  public boolean canProduce(String outcome) {
    return responses.contains(outcome) || Outcomes.GENERAL.contains(outcome);
  }

  // Loops, not streams: validate looks channels up at each start, cold.
  public static Optional<Channel> fromYaml(String name) {
    for (Channel c : values()) {
      if (c.yamlName().equals(name)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  public static List<String> yamlNames() {
    List<String> names = new ArrayList<>();
    for (Channel c : values()) {
      names.add(c.yamlName());
    }
    return List.copyOf(names);
  }
}
