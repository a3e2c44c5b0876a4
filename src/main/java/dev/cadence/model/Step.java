package dev.cadence.model;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One action of a cadence.
 *
 * @param on where each outcome leads, in file order
 * @param next the default successor, or empty for the implicit one (see {@link CadenceGraph})
 * @param requires fields that must be recorded to complete the step
 * @param checklist activities to complete before the step can be closed
 * @param after join: the step starts only when all of these are completed
 * @param reminder how long before the due time the owner is reminded (calls, tasks, meetings)
 */
public record Step(
    String id,
    Optional<String> name,
    Channel channel,
    Timing timing,
    Optional<String> template,
    Map<String, String> variants,
    Optional<String> script,
    Optional<String> status,
    Map<String, Transition> on,
    Optional<Transition> next,
    List<String> requires,
    List<String> checklist,
    Optional<String> team,
    Optional<String> owner,
    List<StepRef> after,
    Optional<Duration> reminder,
    SourceMap where) {

  public Step {
    variants = Map.copyOf(variants);
    on = Collections.unmodifiableMap(new LinkedHashMap<>(on));
    requires = List.copyOf(requires);
    checklist = List.copyOf(checklist);
    after = List.copyOf(after);
  }

  /** True if this step waits for other steps (a join) rather than being entered by a transition. */
  public boolean isJoin() {
    return !after.isEmpty();
  }

  /** The template for a lead in {@code region}: its variant if there is one, else the default. */
  public Optional<String> templateFor(String region) {
    return Optional.ofNullable(variants.get(region)).or(() -> template);
  }
}
