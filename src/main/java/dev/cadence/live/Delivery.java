package dev.cadence.live;

import dev.cadence.engine.Due;
import dev.cadence.engine.Enrollment;
import dev.cadence.engine.Result;
import dev.cadence.model.Channel;
import dev.cadence.model.Lead;
import dev.cadence.model.OutcomeEvent;
import dev.cadence.model.Step;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One email through its states: claimed (a row under the UNIQUE key), composed, {@code sending}
 * (committed before the server sees a byte), then sent, retry, failed or in doubt by what the
 * server answered. The lead's suppression and the step's being due are checked again inside the
 * transaction that commits {@code sending}: an unsubscribe recorded a second earlier wins.
 */
final class Delivery {
  /** How long a held message waits before it is composed again. */
  static final Duration HOLD_RETRY = Duration.ofHours(1);

  private final StateStore store;
  private final EmailSender sender;
  private final MessageComposer composer;
  private final Clock clock;
  private final TickOptions options;
  private final OutcomeSink log;
  private final CrashPoints crash;
  private int retriesInARow;

  Delivery(StateStore store, EmailSender sender, MessageComposer composer, Clock clock, TickOptions options,
      OutcomeSink log, CrashPoints crash) {
    this.store = store;
    this.sender = sender;
    this.composer = composer;
    this.clock = clock;
    this.options = options;
    this.log = log;
    this.crash = crash;
  }

  /** How one delivery ended, as far as the tick's counters care. */
  enum Outcome {
    SENT, RETRY, FAILED, IN_DOUBT, HELD, SUPPRESSED, GONE;

    /** Whatever reached the server counts toward the daily cap. */
    boolean countsTowardCap() {
      return this == SENT || this == IN_DOUBT || this == FAILED;
    }
  }

  private record Claimed(SendRecord send, StoredEnrollment enrollment) {}

  Outcome deliver(LiveCadence cadence, StoredEnrollment e, Due due, TickReport report) {
    Step step = due.step();
    int suppressedBefore = report.suppressed;
    Optional<Claimed> claimed = claim(cadence, e, due, report);
    if (claimed.isEmpty()) {
      return report.suppressed > suppressedBefore ? Outcome.SUPPRESSED : Outcome.GONE;
    }
    crash.reached("after-claim");
    Lead lead = claimed.get().enrollment().lead();
    String template = step.templateFor(lead.region().orElse("")).orElse("");
    Optional<String> to = lead.email();
    MessageComposer.Composed composed = to.isEmpty()
        ? new MessageComposer.Held(List.of("email"), "the lead has no email address")
        : composer.compose(cadence.dir(), template, lead.fields());
    if (composed instanceof MessageComposer.Held held) {
      hold(cadence, claimed.get().send(), held);
      report.held++;
      report.line(e, step.id(), "held: " + held.reason());
      return Outcome.HELD;
    }
    MessageComposer.Ready ready = (MessageComposer.Ready) composed;
    String messageId = MessageIds.of(e.cadence(), e.leadId(), step.id(), due.visit(), options.from());
    Optional<SendRecord> sending = markSending(e, claimed.get().send(), to.get(), messageId, report);
    if (sending.isEmpty()) {
      return Outcome.SUPPRESSED;
    }
    crash.reached("after-sending");
    SendResult result = sender.send(new OutgoingEmail(messageId, options.from(), to.get(), ready.subject(), ready.body(),
        options.listUnsubscribe()));
    crash.reached("after-data");
    return record(cadence, sending.get(), template, result, report);
  }

  /** Takes the row for (enrollment, step, visit), if the step is still due and the lead still reachable. */
  private Optional<Claimed> claim(LiveCadence cadence, StoredEnrollment seen, Due due, TickReport report) {
    Instant now = clock.instant();
    return store.writeBuffered(tx -> {
      Optional<StoredEnrollment> fresh = tx.enrollment(seen.id()).filter(f -> f.state().isActive());
      if (fresh.isEmpty() || !stillDue(cadence, fresh.get(), due, now)) {
        return Optional.<Claimed>empty();
      }
      StoredEnrollment e = fresh.get();
      if (suppressIfListed(tx, e, Optional.empty(), now, report)) {
        return Optional.<Claimed>empty();
      }
      Optional<SendRecord> row = tx.send(e.id(), due.step().id(), due.visit());
      SendRecord send;
      if (row.isEmpty()) {
        send = tx.insertSend(e.id(), due.step().id(), due.visit(), SendState.CLAIMED, due.at(), now);
      } else if (NextDue.wake(due, row).filter(w -> !w.isAfter(now)).isPresent()) {
        send = row.get().with(SendState.CLAIMED, row.get().detail());
        tx.updateSend(send, now);
      } else {
        return Optional.<Claimed>empty(); // in doubt, sent or failed: never again from here
      }
      return Optional.of(new Claimed(send, e));
    });
  }

  private static boolean stillDue(LiveCadence cadence, StoredEnrollment e, Due due, Instant now) {
    for (Due d : cadence.engine().due(e.state())) {
      if (d.step().id().equals(due.step().id()) && d.visit() == due.visit()) {
        return !d.at().isAfter(now);
      }
    }
    return false;
  }

  /** The suppression check: ends the enrollment (and cancels the send) when the lead or address is listed. */
  private boolean suppressIfListed(StateStore.Tx tx, StoredEnrollment e, Optional<SendRecord> send, Instant now,
      TickReport report) {
    Optional<Suppression> listed = tx.suppression(e.leadId(), e.lead().email());
    if (listed.isEmpty()) {
      return false;
    }
    Enrollment ended = LeadStatus.suppressed(e.state(), "suppressed: " + listed.get().reason(), now);
    tx.updateEnrollment(e.id(), ended, Optional.empty(), e.status(), now);
    send.ifPresent(s -> tx.updateSend(s.with(SendState.CANCELLED, "suppressed: " + listed.get().reason()), now));
    report.suppressed++;
    report.line(e, send.map(SendRecord::step).orElse(""), "suppressed: " + listed.get().reason());
    return true;
  }

  private void hold(LiveCadence cadence, SendRecord send, MessageComposer.Held held) {
    Instant now = clock.instant();
    store.writeBuffered(tx -> {
      tx.updateSend(send.with(SendState.HELD, held.reason()).withAttempt(send.attempts(), Optional.of(now.plus(HOLD_RETRY))), now);
      tx.enrollment(send.enrollmentId()).ifPresent(e -> tx.updateEnrollment(e.id(), e.state(),
          NextDue.of(cadence.engine(), e.state(), tx.sendsOf(e.id())), e.status(), now));
      return null;
    });
  }

  /** Commits {@code sending} (durably) after the last suppression check; empty when the send is off. */
  private Optional<SendRecord> markSending(StoredEnrollment seen, SendRecord claimed, String to, String messageId,
      TickReport report) {
    Instant now = clock.instant();
    return store.write(tx -> {
      Optional<StoredEnrollment> fresh = tx.enrollment(seen.id());
      Optional<SendRecord> row = tx.send(claimed.enrollmentId(), claimed.step(), claimed.visit());
      if (fresh.isEmpty() || row.isEmpty() || row.get().state() != SendState.CLAIMED) {
        return Optional.<SendRecord>empty();
      }
      if (!fresh.get().state().isActive()) {
        tx.updateSend(row.get().with(SendState.CANCELLED, "the enrollment ended before sending"), now);
        report.line(seen, claimed.step(), "cancelled: the enrollment ended before sending");
        return Optional.<SendRecord>empty();
      }
      if (suppressIfListed(tx, fresh.get(), row, now, report)) {
        return Optional.<SendRecord>empty();
      }
      SendRecord sending = row.get().sending(options.from(), to, messageId, now);
      tx.updateSend(sending, now);
      return Optional.of(sending);
    });
  }

  private Outcome record(LiveCadence cadence, SendRecord sending, String template, SendResult result, TickReport report) {
    Instant now = clock.instant();
    Outcome outcome;
    List<OutcomeEvent> events = new java.util.ArrayList<>(1);
    if (result instanceof SendResult.Sent sent) {
      outcome = Outcome.SENT;
      store.writeBuffered(tx -> {
        tx.updateSend(sending.with(SendState.SENT, sent.serverReply()).finished(now), now);
        StoredEnrollment e = tx.enrollment(sending.enrollmentId()).orElseThrow();
        Enrollment state = e.state();
        if (state.isActive() && state.pending().stream().anyMatch(p -> p.step().equals(sending.step())
            && p.visit() == sending.visit() && !p.isAwaitingOutcome())) {
          Result performed = cadence.engine().performChecked(state, sending.step(), now);
          state = performed.state();
          performed.refusal().ifPresent(r -> report.problems.add("lead " + e.leadId() + " in " + e.cadence()
              + " stops after " + sending.step() + ": " + r.reason()));
        }
        tx.updateEnrollment(e.id(), state, NextDue.of(cadence.engine(), state, tx.sendsOf(e.id())),
            LeadStatus.of(cadence.engine(), state), now);
        OutcomeEvent event = new OutcomeEvent(now, state.zone(), e.leadId(), e.cadence(), sending.step(), Channel.EMAIL,
            template, e.lead().region().orElse(""), "sent");
        tx.addEvent(event);
        events.add(event);
        return null;
      });
      report.sent++;
      retriesInARow = 0;
    } else if (result instanceof SendResult.Retry retry) {
      boolean giveUp = sending.attempts() >= TickOptions.MAX_ATTEMPTS;
      outcome = giveUp ? Outcome.FAILED : Outcome.RETRY;
      Instant next = now.plus(backoff(sending.attempts()));
      finish(cadence, giveUp ? sending.with(SendState.FAILED, "gave up after " + sending.attempts() + " attempts: " + retry.reason())
          : sending.with(SendState.RETRY, retry.reason()).withAttempt(sending.attempts(), Optional.of(next)), now, false);
      if (giveUp) {
        report.failed++;
      } else {
        report.retried++;
      }
      report.problems.add("lead " + sending.leadId() + " step " + sending.step() + ": " + retry.reason()
          + (giveUp ? " (given up)" : "; retried after " + next));
      retriesInARow++;
      if (retry.affectsAllSends() || retriesInARow >= TickOptions.STOP_AFTER_RETRIES) {
        report.stoppedSending = true;
        report.problems.add("stopped sending: " + (retry.affectsAllSends() ? "the server cannot take mail now ("
            + retry.reason() + ")" : retriesInARow + " sends in a row failed temporarily") + "; the rest waits for the next tick");
      }
    } else if (result instanceof SendResult.Failed failed) {
      outcome = Outcome.FAILED;
      finish(cadence, sending.with(SendState.FAILED, failed.reason()), now, failed.addressRefused());
      report.failed++;
      report.problems.add("lead " + sending.leadId() + " step " + sending.step() + ": refused (" + failed.reason() + ")"
          + (failed.addressRefused() ? "; address " + sending.recipient() + " suppressed" : ""));
      retriesInARow = 0;
    } else {
      SendResult.InDoubt doubt = (SendResult.InDoubt) result;
      outcome = Outcome.IN_DOUBT;
      finish(cadence, sending.with(SendState.IN_DOUBT, doubt.reason()), now, false);
      report.inDoubt++;
      report.problems.add("lead " + sending.leadId() + " step " + sending.step() + ": in doubt (" + doubt.reason()
          + "); not resent: settle it with `cadence resolve`");
      retriesInARow = 0;
    }
    report.lines.add(new TickReport.Line(sending.cadence(), sending.leadId(), sending.step(), outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
    if (!events.isEmpty()) {
      log.append(events);
    }
    return outcome;
  }

  /** Records a send that did not go out; a permanent refusal suppresses the address and ends the enrollment. */
  private void finish(LiveCadence cadence, SendRecord row, Instant now, boolean suppressAddress) {
    store.writeBuffered(tx -> {
      tx.updateSend(row.finished(now), now);
      StoredEnrollment e = tx.enrollment(row.enrollmentId()).orElseThrow();
      Enrollment state = e.state();
      if (suppressAddress) {
        tx.suppress(new Suppression(Suppression.Kind.EMAIL, row.recipient(), "refused by the server: " + row.detail(), now));
        state = LeadStatus.suppressed(state, "address refused: " + row.detail(), now);
      }
      tx.updateEnrollment(e.id(), state, NextDue.of(cadence.engine(), state, tx.sendsOf(e.id())), e.status(), now);
      return null;
    });
  }

  /** 5 minutes, doubling per attempt, at most 6 hours. */
  static Duration backoff(int attempts) {
    long minutes = 5L << Math.min(Math.max(attempts - 1, 0), 7);
    return Duration.ofMinutes(Math.min(minutes, 360));
  }
}
