package dev.cadence.live;

import java.time.Instant;

/**
 * Work the inbox gives a rep: a person answered an email (or wrote after the enrollment ended) and
 * someone has to read it. Listed by {@code tasks} until {@code record} closes it.
 *
 * @param step the step whose email was answered
 * @param what one line: who wrote, and the start of what they wrote
 */
public record InboxTask(
    long id,
    long enrollmentId,
    String cadence,
    String leadId,
    String step,
    String what,
    Instant due) {
  /** The step name under which {@code tasks} lists it and {@code record --step} closes it. */
  public static final String STEP = "read-reply";
}
