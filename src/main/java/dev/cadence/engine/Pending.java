package dev.cadence.engine;

import java.time.Instant;

/**
 * A step the flow has reached and not yet performed (or performed and waiting for an outcome).
 *
 * @param visit 1 for the first time the step is reached in this enrollment, 2 after a loop, ...
 * @param reachedAt when the flow reached it (its due time is computed from this)
 * @param activatedBy the step whose completion reached it (empty for the start), so that a later
 *     response to that step can redirect the flow
 * @param performedAt when it was performed, for steps that wait for an outcome (calls, approvals)
 */
public record Pending(String step, int visit, Instant reachedAt, String activatedBy, Instant performedAt) {
  public boolean isAwaitingOutcome() {
    return performedAt != null;
  }

  Pending performed(Instant at) {
    return new Pending(step, visit, reachedAt, activatedBy, at);
  }
}
