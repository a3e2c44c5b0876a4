package dev.cadence.live;

import java.time.Instant;
import java.util.Optional;

/**
 * One email send: the row keyed (enrollment, step, visit).
 *
 * @param attempts how many times the server was tried
 * @param nextAttempt when a {@link SendState#RETRY} or {@link SendState#HELD} send may be tried
 *     again
 * @param startedAt when it was marked {@link SendState#SENDING} (the daily cap counts these)
 * @param detail the last server reply or reason, for status and resolve
 */
public record SendRecord(
    long id,
    long enrollmentId,
    String cadence,
    String leadId,
    String step,
    int visit,
    SendState state,
    Instant dueAt,
    int attempts,
    Optional<Instant> nextAttempt,
    String sender,
    String recipient,
    String messageId,
    String detail,
    Optional<Instant> startedAt,
    Optional<Instant> finishedAt) {

  public SendRecord with(SendState newState, String newDetail) {
    return new SendRecord(
        id,
        enrollmentId,
        cadence,
        leadId,
        step,
        visit,
        newState,
        dueAt,
        attempts,
        nextAttempt,
        sender,
        recipient,
        messageId,
        newDetail,
        startedAt,
        finishedAt);
  }

  public SendRecord withAttempt(int newAttempts, Optional<Instant> next) {
    return new SendRecord(
        id,
        enrollmentId,
        cadence,
        leadId,
        step,
        visit,
        state,
        dueAt,
        newAttempts,
        next,
        sender,
        recipient,
        messageId,
        detail,
        startedAt,
        finishedAt);
  }

  public SendRecord sending(String from, String to, String id0, Instant at) {
    return new SendRecord(
        id,
        enrollmentId,
        cadence,
        leadId,
        step,
        visit,
        SendState.SENDING,
        dueAt,
        attempts + 1,
        Optional.empty(),
        from,
        to,
        id0,
        "",
        Optional.of(at),
        Optional.empty());
  }

  /**
   * This send, marked {@code sending} by this process, back in {@code newState} as if it had not
   * been tried: nothing reached the server, so the attempt is not counted and the daily cap does
   * not count it either.
   */
  public SendRecord notHandedOver(SendState newState, String newDetail, Optional<Instant> next) {
    return new SendRecord(
        id,
        enrollmentId,
        cadence,
        leadId,
        step,
        visit,
        newState,
        dueAt,
        Math.max(attempts - 1, 0),
        next,
        sender,
        recipient,
        messageId,
        newDetail,
        Optional.empty(),
        Optional.empty());
  }

  public SendRecord finished(Instant at) {
    return new SendRecord(
        id,
        enrollmentId,
        cadence,
        leadId,
        step,
        visit,
        state,
        dueAt,
        attempts,
        nextAttempt,
        sender,
        recipient,
        messageId,
        detail,
        startedAt,
        Optional.of(at));
  }
}
