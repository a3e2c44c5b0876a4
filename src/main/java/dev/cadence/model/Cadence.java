package dev.cadence.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cadence: the sequence of actions of a sales process, with its schedule, branches and exits.
 *
 * @param exitOn events that end the enrollment at once, whatever step it is at
 * @param statuses the lead statuses this cadence uses, when declared (then every status is checked)
 */
public record Cadence(
    String id,
    Optional<String> name,
    Optional<String> description,
    Optional<SalesModel> model,
    Schedule schedule,
    List<String> exitOn,
    Map<String, ExitState> exits,
    List<String> statuses,
    List<Step> steps,
    SourceMap where) {

  public Cadence {
    exitOn = List.copyOf(exitOn);
    exits = Collections.unmodifiableMap(new LinkedHashMap<>(exits));
    statuses = List.copyOf(statuses);
    steps = List.copyOf(steps);
  }

  public Optional<Step> step(String stepId) {
    return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
  }
}
