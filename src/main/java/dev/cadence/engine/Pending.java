package dev.cadence.engine;

import java.time.Instant;
import java.util.List;

/**
 * A step the flow has reached and not yet performed (or performed and waiting for an outcome).
 *
 * @param visit 1 for the first time the step is reached in this enrollment, 2 after a loop, ...
 * @param reachedAt when the flow reached it (its due time is computed from this)
 * @param activatedBy the step whose completion reached it (empty for the start), so that a later
 *     response to that step can redirect the flow
 * @param performedAt when it was performed, for steps that wait for an outcome (calls, approvals)
 * @param lineage the steps whose completions led here, oldest first, {@code activatedBy} last: a
 *     response redirect from any of them supersedes this step (see {@link Engine#respond})
 */
public record Pending(
    String step,
    int visit,
    Instant reachedAt,
    String activatedBy,
    Instant performedAt,
    List<String> lineage) {
  public Pending {
    lineage = AppendOnlyList.immutable(lineage);
  }

  /**
   * A pending step whose lineage is only the step that reached it (as states were before lineages).
   */
  public Pending(
      String step, int visit, Instant reachedAt, String activatedBy, Instant performedAt) {
    this(
        step,
        visit,
        reachedAt,
        activatedBy,
        performedAt,
        activatedBy.isEmpty() ? List.of() : List.of(activatedBy));
  }

  public boolean isAwaitingOutcome() {
    return performedAt != null;
  }

  /** True if a completion of {@code stepId} led (directly or through later steps) to this one. */
  public boolean descendsFrom(String stepId) {
    return activatedBy.equals(stepId) || lineage.contains(stepId);
  }

  Pending performed(Instant at) {
    return new Pending(step, visit, reachedAt, activatedBy, at, lineage);
  }
}
