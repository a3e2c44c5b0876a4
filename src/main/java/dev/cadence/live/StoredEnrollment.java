package dev.cadence.live;

import dev.cadence.engine.Enrollment;
import dev.cadence.model.Lead;
import java.time.Instant;
import java.util.Optional;

/**
 * One enrollment as the store holds it: the engine's state, the lead as it was enrolled (its fields
 * fill the templates), and the columns the store indexes.
 *
 * @param nextDue when a tick next has automatic work for it (an email due, a retry); empty when it
 *     waits only for people (calls, tasks, an in-doubt send) or has ended
 * @param status the lead's stage in this cadence (the last status a step or exit set)
 */
public record StoredEnrollment(
    long id, Lead lead, Enrollment state, Optional<Instant> nextDue, String status) {
  public String cadence() {
    return state.cadence();
  }

  public String leadId() {
    return lead.id();
  }
}
