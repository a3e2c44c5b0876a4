package dev.cadence.engine;

import dev.cadence.model.Lead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plays one lead through a cadence with no responses at all: every step is performed when due and
 * every call, task or approval completes without an outcome, so the flow follows {@code next} and
 * the implicit successors. This is the calendar {@code plan} shows.
 */
public final class DefaultPath {
  /**
   * The plan of one lead.
   *
   * @param stop why the plan stops before the cadence ends (a guard, the touch limit), if it does
   */
  public record Plan(Lead lead, Enrollment end, List<Due> touches, Optional<String> stop) {
    public Plan {
      touches = List.copyOf(touches);
    }
  }

  private DefaultPath() {}

  /** Plans {@code lead} enrolled at {@code start}, stopping after {@code maxTouches} (loops). */
  public static Plan plan(Engine engine, Lead lead, Instant start, int maxTouches) {
    Enrollment e = engine.enroll(lead, start);
    List<Due> touches = new ArrayList<>();
    while (e.isActive()) {
      List<Due> due = engine.due(e);
      if (due.isEmpty()) {
        return new Plan(
            lead, e, touches, Optional.of("waits: nothing falls due on the default path"));
      }
      if (touches.size() >= maxTouches) {
        return new Plan(
            lead,
            e,
            touches,
            Optional.of("stopped after " + maxTouches + " touches (the default path loops)"));
      }
      Due next = due.get(0);
      touches.add(next);
      Result performed = engine.performChecked(e, next.step().id(), next.at());
      if (performed.isRefused()) {
        return new Plan(
            lead,
            performed.state(),
            touches,
            Optional.of(
                "stops after `" + next.step().id() + "`: " + performed.refusal().get().reason()));
      }
      e = performed.state();
      boolean awaiting = false;
      for (Pending p : e.pending()) {
        awaiting |= p.isAwaitingOutcome() && p.step().equals(next.step().id());
      }
      if (awaiting) {
        Result r =
            engine.complete(
                e, next.step().id(), Optional.empty(), requiredFieldsAsGiven(next), next.at());
        if (r.isRefused()) {
          return new Plan(
              lead,
              e,
              touches,
              Optional.of("stops at `" + next.step().id() + "`: " + r.refusal().get().reason()));
        }
        e = r.state();
      }
    }
    return new Plan(lead, e, touches, Optional.empty());
  }

  /** On the default path, fields that a step requires are assumed recorded by the rep. */
  private static Map<String, String> requiredFieldsAsGiven(Due due) {
    if (due.step().requires().isEmpty()) {
      return Map.of();
    }
    Map<String, String> fields = new HashMap<>();
    due.step().requires().forEach(f -> fields.put(f, "(recorded)"));
    return fields;
  }
}
