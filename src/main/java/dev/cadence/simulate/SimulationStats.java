package dev.cadence.simulate;

import dev.cadence.engine.Ending;
import dev.cadence.model.Step;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counters of a simulation: per step, per way an enrollment ended, per refused outcome. Each worker
 * fills its own and they are merged, so no counter is shared between threads.
 */
public final class SimulationStats {
  /** Where an enrollment ended: an exit, an exit_on event, a handoff, the end, or never started. */
  public record EndingKey(String cadence, Ending.Kind kind, String name) {
    // Written out: counted once per enrollment, where the generated (method-handle) hashCode and
    // equals of a record showed in profiles of a million-lead run.
    @Override
    public int hashCode() {
      return (cadence.hashCode() * 31 + kind.ordinal()) * 31 + name.hashCode();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof EndingKey k
          && k.kind == kind
          && k.cadence.equals(cadence)
          && k.name.equals(name);
    }
  }

  /** A refused outcome: the engine's reason at one step. */
  public record RefusalKey(String cadence, String step, String reason) {}

  /** Counters of one step. */
  public static final class StepCounts {
    long touches;
    long responded;
    long exits;

    /** By event; a long[1] counter so that counting an event allocates nothing. */
    final Map<String, long[]> events = new HashMap<>();

    public long touches() {
      return touches;
    }

    /**
     * Touches with a replied (email, social) or connected (call) event: the contract's "responded".
     */
    public long responded() {
      return responded;
    }

    /** Enrollments that ended at this step. */
    public long exits() {
      return exits;
    }

    /** Response events logged for this step, by event. */
    public Map<String, Long> events() {
      Map<String, Long> sorted = new TreeMap<>();
      events.forEach((k, v) -> sorted.put(k, v[0]));
      return sorted;
    }

    void event(String event) {
      events.computeIfAbsent(event, k -> new long[1])[0]++;
    }

    void add(StepCounts o) {
      touches += o.touches;
      responded += o.responded;
      exits += o.exits;
      o.events.forEach((k, v) -> events.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
    }
  }

  private final Map<String, Map<String, StepCounts>> steps = new LinkedHashMap<>();

  /** long[1] counters: counted once per enrollment, without boxing. */
  private final Map<EndingKey, long[]> endings = new LinkedHashMap<>();

  private final Map<RefusalKey, Long> refusals = new LinkedHashMap<>();
  private final Map<String, long[]> enrollments = new LinkedHashMap<>();
  private long leads;
  private long events;
  private long capped;
  private long waiting;

  /** By step object: the hot path looks a step up by identity, without hashing its ids. */
  private final Map<Step, StepCounts> byStep = new IdentityHashMap<>();

  StepCounts step(String cadence, String step) {
    return steps
        .computeIfAbsent(cadence, c -> new LinkedHashMap<>())
        .computeIfAbsent(step, s -> new StepCounts());
  }

  StepCounts step(String cadence, Step step) {
    StepCounts c = byStep.get(step);
    if (c == null) {
      c = step(cadence, step.id());
      byStep.put(step, c);
    }
    return c;
  }

  void lead() {
    leads++;
  }

  void enrolled(String cadence) {
    enrollments.computeIfAbsent(cadence, c -> new long[1])[0]++;
  }

  void event() {
    events++;
  }

  void ended(String cadence, String step, Ending ending) {
    endings
        .computeIfAbsent(new EndingKey(cadence, ending.kind(), ending.name()), k -> new long[1])[
        0]++;
    if (!step.isEmpty()) {
      step(cadence, step).exits++;
    }
  }

  void refused(String cadence, String step, String reason) {
    refusals.merge(new RefusalKey(cadence, step, reason), 1L, Long::sum);
  }

  void addCapped() {
    capped++;
  }

  void addWaiting() {
    waiting++;
  }

  /** Adds {@code other}'s counts to these. */
  public void add(SimulationStats other) {
    other.steps.forEach((c, m) -> m.forEach((s, counts) -> step(c, s).add(counts)));
    other.endings.forEach((k, v) -> endings.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
    other.refusals.forEach((k, v) -> refusals.merge(k, v, Long::sum));
    other.enrollments.forEach(
        (k, v) -> enrollments.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
    leads += other.leads;
    events += other.events;
    capped += other.capped;
    waiting += other.waiting;
  }

  /** Counters of {@code step} of {@code cadence}; zero when it was never touched. */
  public StepCounts counts(String cadence, String step) {
    Map<String, StepCounts> m = steps.get(cadence);
    StepCounts c = m == null ? null : m.get(step);
    return c == null ? new StepCounts() : c;
  }

  public Map<EndingKey, Long> endings() {
    Map<EndingKey, Long> counts = new LinkedHashMap<>();
    endings.forEach((k, v) -> counts.put(k, v[0]));
    return Collections.unmodifiableMap(counts);
  }

  public Map<RefusalKey, Long> refusals() {
    return Collections.unmodifiableMap(refusals);
  }

  public long refusedTotal() {
    return refusals.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Enrollments per cadence (handoffs enroll a lead again). */
  public Map<String, Long> enrollments() {
    Map<String, Long> counts = new LinkedHashMap<>();
    enrollments.forEach((k, v) -> counts.put(k, v[0]));
    return Collections.unmodifiableMap(counts);
  }

  public long leads() {
    return leads;
  }

  /** Lines written to the log (touch and response events). */
  public long events() {
    return events;
  }

  /** Leads stopped at the touch limit (a loop that never ends by itself). */
  public long capped() {
    return capped;
  }

  /**
   * Leads whose enrollment is still open with nothing due: an unanswered approval, a refused step.
   */
  public long waiting() {
    return waiting;
  }
}
