package dev.cadence.live;

import dev.cadence.engine.Enrollment;
import dev.cadence.engine.Result;
import dev.cadence.model.Channel;
import dev.cadence.model.OutcomeEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the server answered, turned into send states, enrollment changes, suppressions and outcome
 * events: accounted at once (the tick must know at once when to stop sending), committed together
 * per batch by {@link #commit}.
 */
final class SendResults {
  /** How one delivery ended, as far as the tick's counters care. */
  enum Outcome {
    SENT,
    RETRY,
    FAILED,
    IN_DOUBT;

    /** Whatever reached the server counts toward the daily cap. */
    boolean countsTowardCap() {
      return this == SENT || this == IN_DOUBT || this == FAILED;
    }
  }

  private final StateStore store;
  private final Map<String, LiveCadence> cadences;
  private final Clock clock;
  private final OutcomeSink log;
  private int retriesInARow;
  private int doubtsInARow;

  /** Results of the current batch, committed together by {@link #commit}. */
  private final List<Consumer<StateStore.Tx>> results = new ArrayList<>();

  private final List<OutcomeEvent> events = new ArrayList<>();

  SendResults(StateStore store, Map<String, LiveCadence> cadences, Clock clock, OutcomeSink log) {
    this.store = store;
    this.cadences = cadences;
    this.clock = clock;
    this.log = log;
  }

  Outcome record(
      LiveCadence cadence,
      SendRecord sending,
      String template,
      SendResult result,
      TickTally report) {
    Instant now = clock.instant();
    Outcome outcome;
    if (result instanceof SendResult.Sent sent) {
      outcome = Outcome.SENT;
      results.add(
          tx -> {
            tx.updateSend(sending.with(SendState.SENT, sent.serverReply()).finished(now), now);
            StoredEnrollment e = tx.enrollment(sending.enrollmentId()).orElseThrow();
            Enrollment state = e.state();
            if (state.isActive()
                && state.pending().stream()
                    .anyMatch(
                        p ->
                            p.step().equals(sending.step())
                                && p.visit() == sending.visit()
                                && !p.isAwaitingOutcome())) {
              Result performed = cadence.engine().performChecked(state, sending.step(), now);
              state = performed.state();
              performed
                  .refusal()
                  .ifPresent(
                      r ->
                          report.strand(
                              "lead "
                                  + e.leadId()
                                  + " in "
                                  + e.cadence()
                                  + " stops after "
                                  + sending.step()
                                  + ": "
                                  + r.reason()));
            }
            tx.updateEnrollment(
                e.id(),
                state,
                NextDue.of(cadence.engine(), state, tx.sendsOf(e.id())),
                LeadStatus.of(cadence.engine(), state),
                now);
            Handoffs.follow(tx, cadences, e, state, now).ifPresent(report::strand);
            OutcomeEvent event =
                new OutcomeEvent(
                    now,
                    state.zone(),
                    e.leadId(),
                    e.cadence(),
                    sending.step(),
                    Channel.EMAIL,
                    template,
                    e.lead().region().orElse(""),
                    "sent");
            tx.addEvent(event);
            events.add(event);
          });
      report.sent++;
      retriesInARow = 0;
      doubtsInARow = 0;
    } else if (result instanceof SendResult.Retry retry) {
      // The server or the set-up failed, not this lead's message: the attempt is not counted.
      boolean notTheLeads = retry.affectsAllSends();
      boolean giveUp = !notTheLeads && sending.attempts() >= TickOptions.MAX_ATTEMPTS;
      outcome = giveUp ? Outcome.FAILED : Outcome.RETRY;
      Instant next = now.plus(backoff(sending.attempts()));
      finish(
          cadence,
          giveUp
              ? sending.with(
                  SendState.FAILED,
                  "gave up after " + sending.attempts() + " attempts: " + retry.reason())
              : notTheLeads
                  ? sending.notHandedOver(SendState.RETRY, retry.reason(), Optional.of(next))
                  : sending
                      .with(SendState.RETRY, retry.reason())
                      .withAttempt(sending.attempts(), Optional.of(next)),
          now,
          false);
      if (giveUp) {
        report.failed++;
      } else {
        report.retried++;
      }
      report.problems.add(
          "lead "
              + sending.leadId()
              + " step "
              + sending.step()
              + ": "
              + retry.reason()
              + (giveUp
                  ? " (given up)"
                  : "; retried after "
                      + next
                      + (notTheLeads ? " (not counted against the lead)" : "")));
      retriesInARow++;
      doubtsInARow = 0;
      if (retry.affectsAllSends() || retriesInARow >= TickOptions.STOP_AFTER_RETRIES) {
        report.stoppedSending = true;
        report.problems.add(
            "stopped sending: "
                + (retry.affectsAllSends()
                    ? "the server cannot take mail now (" + retry.reason() + ")"
                    : retriesInARow + " sends in a row failed temporarily")
                + "; the rest waits for the next tick");
      }
    } else if (result instanceof SendResult.Failed failed) {
      outcome = Outcome.FAILED;
      finish(
          cadence, sending.with(SendState.FAILED, failed.reason()), now, failed.addressRefused());
      report.failed++;
      report.problems.add(
          "lead "
              + sending.leadId()
              + " step "
              + sending.step()
              + ": refused ("
              + failed.reason()
              + ")"
              + (failed.addressRefused()
                  ? "; address " + sending.recipient() + " suppressed"
                  : ""));
      retriesInARow = 0;
      doubtsInARow = 0;
    } else {
      SendResult.InDoubt doubt = (SendResult.InDoubt) result;
      outcome = Outcome.IN_DOUBT;
      finish(cadence, sending.with(SendState.IN_DOUBT, doubt.reason()), now, false);
      report.inDoubt++;
      report.problems.add(
          "lead "
              + sending.leadId()
              + " step "
              + sending.step()
              + ": in doubt ("
              + doubt.reason()
              + "); not resent: settle it with `cadence resolve`");
      retriesInARow = 0;
      doubtsInARow++;
      if (doubtsInARow >= TickOptions.STOP_AFTER_DOUBTS && !report.stoppedSending) {
        report.stoppedSending = true;
        report.problems.add(
            "stopped sending: "
                + doubtsInARow
                + " sends in a row got no answer after their body (the server may be taking"
                + " messages without confirming them); the rest waits for the next tick; check the"
                + " server, then settle those with `cadence resolve --all-in-doubt --dry-run`");
      }
    }
    report.lines.add(
        new TickReport.Line(
            sending.cadence(),
            sending.leadId(),
            sending.step(),
            outcome.name().toLowerCase(Locale.ROOT).replace('_', '-')));
    return outcome;
  }

  /**
   * Commits the results of the batch's sends in one transaction, then appends their events to the
   * log. A crash before this commit leaves those sends {@code sending}: in doubt at the next tick,
   * never resent.
   */
  void commit() {
    if (results.isEmpty()) {
      return;
    }
    List<Consumer<StateStore.Tx>> writes = List.copyOf(results);
    results.clear();
    store.writeBuffered(
        tx -> {
          writes.forEach(w -> w.accept(tx));
          return null;
        });
    if (!events.isEmpty()) {
      List<OutcomeEvent> committed = List.copyOf(events);
      events.clear();
      log.append(committed);
    }
  }

  /**
   * Records a send that did not go out; a permanent refusal suppresses the address and ends the
   * enrollment.
   */
  private void finish(LiveCadence cadence, SendRecord row, Instant now, boolean suppressAddress) {
    results.add(
        tx -> {
          tx.updateSend(row.finished(now), now);
          StoredEnrollment e = tx.enrollment(row.enrollmentId()).orElseThrow();
          Enrollment state = e.state();
          if (suppressAddress) {
            tx.suppress(
                new Suppression(
                    Suppression.Kind.EMAIL,
                    row.recipient(),
                    "refused by the server: " + row.detail(),
                    now));
            state = LeadStatus.suppressed(state, "address refused: " + row.detail(), now);
          }
          tx.updateEnrollment(
              e.id(),
              state,
              NextDue.of(cadence.engine(), state, tx.sendsOf(e.id())),
              e.status(),
              now);
        });
  }

  /** 5 minutes, doubling per attempt, at most 6 hours. */
  static Duration backoff(int attempts) {
    long minutes = 5L << Math.min(Math.max(attempts - 1, 0), 7);
    return Duration.ofMinutes(Math.min(minutes, 360));
  }
}
