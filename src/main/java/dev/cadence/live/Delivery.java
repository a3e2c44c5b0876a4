package dev.cadence.live;

import dev.cadence.engine.Due;
import dev.cadence.engine.Enrollment;
import dev.cadence.model.Lead;
import dev.cadence.model.Step;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  private final Map<String, LiveCadence> cadences;
  private final EmailSender sender;
  private final MessageComposer composer;
  private final Clock clock;
  private final TickOptions options;
  private final OutcomeSink log;
  private final CrashPoints crash;
  private final SendResults results;

  Delivery(
      StateStore store,
      Map<String, LiveCadence> cadences,
      EmailSender sender,
      MessageComposer composer,
      Clock clock,
      TickOptions options,
      OutcomeSink log,
      CrashPoints crash) {
    this.store = store;
    this.cadences = cadences;
    this.sender = sender;
    this.composer = composer;
    this.clock = clock;
    this.options = options;
    this.log = log;
    this.crash = crash;
    this.results = new SendResults(store, cadences, clock, log);
  }

  /** The highest send id marked {@code sending} and noted beside the store so far. */
  private long sendMark;

  void sendMark(long noted) {
    sendMark = noted;
  }

  /** A due email the tick wants sent. */
  record Item(LiveCadence cadence, StoredEnrollment seen, Due due) {}

  private record Claimed(Item item, SendRecord send, StoredEnrollment enrollment) {}

  private record Ready(Claimed claimed, String template, OutgoingEmail email) {}

  /**
   * Sends a batch: one transaction claims them all, one durable transaction marks them all {@code
   * sending} (one fsync for the batch), then each is handed to the server, with the suppression
   * list read again right before it, and its result committed. A crash in the middle leaves the
   * rest of the batch in doubt, never sent twice: the tick keeps batches small when it starts and
   * grows them only while the sends go well.
   *
   * @return how many reached the server (for the daily cap)
   */
  int deliver(List<Item> batch, TickTally report, TickDeadline deadline) {
    Instant now = clock.instant();
    List<Claimed> claimed =
        store.writeBuffered(
            tx -> {
              List<Claimed> out = new ArrayList<>(batch.size());
              for (Item item : batch) {
                claim(tx, item, now, report).ifPresent(out::add);
              }
              return out;
            });
    if (claimed.isEmpty()) {
      return 0;
    }
    crash.reached("after-claim");
    List<Ready> ready = new ArrayList<>(claimed.size());
    List<Claimed> held = new ArrayList<>();
    List<MessageComposer.Held> why = new ArrayList<>();
    for (Claimed c : claimed) {
      Step step = c.item().due().step();
      Lead lead = c.enrollment().lead();
      String template = TickDecision.template(step, lead);
      MessageComposer.Composed composed =
          TickDecision.compose(composer, c.item().cadence(), step, lead);
      if (composed instanceof MessageComposer.Held h) {
        held.add(c);
        why.add(h);
        report.held++;
        report.line(c.enrollment(), step.id(), "held: " + h.reason());
        report.problems.add(
            "lead "
                + c.enrollment().leadId()
                + " step "
                + step.id()
                + ": held ("
                + h.reason()
                + "); tried again after "
                + now.plus(HOLD_RETRY));
      } else {
        MessageComposer.Ready r = (MessageComposer.Ready) composed;
        String messageId =
            MessageIds.of(
                c.enrollment().cadence(),
                c.enrollment().leadId(),
                step.id(),
                c.item().due().visit(),
                options.from());
        ready.add(
            new Ready(
                c,
                template,
                new OutgoingEmail(
                    messageId,
                    options.from(),
                    lead.email().get(),
                    r.subject(),
                    r.body(),
                    options.listUnsubscribe().map(l -> l.forLead(lead.id())))));
      }
    }
    if (!held.isEmpty()) {
      hold(held, why);
    }
    Instant marking = clock.instant();
    List<SendRecord> sending =
        store.write(
            tx -> {
              List<SendRecord> out = new ArrayList<>(ready.size());
              for (Ready r : ready) {
                out.add(markSending(tx, r, marking, report).orElse(null));
              }
              return out;
            });
    long top = 0;
    for (SendRecord s : sending) {
      top = s == null ? top : Math.max(top, s.id());
    }
    if (top > 0) {
      // Before the server sees a byte: the marks reach the database file itself (not only its
      // write-ahead log), and the highest one is noted beside it, so that a store that loses
      // them anyway is caught by the next tick instead of sending again.
      store.checkpoint();
      if (top > sendMark) {
        sendMark = top;
        store.noteSendMark(top);
      }
    }
    crash.reached("after-sending");
    int reached = 0;
    for (int i = 0; i < ready.size(); i++) {
      SendRecord s = sending.get(i);
      if (s == null) {
        continue;
      }
      Ready r = ready.get(i);
      if (deadline.stop(report)) {
        release(s, "not handed over: the tick stopped sending");
        continue;
      }
      if (listedNow(r.claimed(), s, report)) {
        continue;
      }
      SendResult result = sender.send(r.email());
      crash.reached("after-data");
      if (results
          .record(r.claimed().item().cadence(), s, r.template(), result, report)
          .countsTowardCap()) {
        reached++;
      }
    }
    results.commit();
    return reached;
  }

  /**
   * Takes the row for (enrollment, step, visit), if the step is still due and the lead still
   * reachable.
   */
  private Optional<Claimed> claim(StateStore.Tx tx, Item item, Instant now, TickTally report) {
    Due due = item.due();
    Optional<StoredEnrollment> fresh =
        tx.enrollment(item.seen().id()).filter(f -> f.state().isActive());
    if (fresh.isEmpty() || !stillDue(item.cadence(), fresh.get(), due, now)) {
      return Optional.empty();
    }
    StoredEnrollment e = fresh.get();
    if (suppressIfListed(tx, e, Optional.empty(), now, report)) {
      return Optional.empty();
    }
    Optional<SendRecord> row = tx.send(e.id(), due.step().id(), due.visit());
    SendRecord send;
    if (row.isEmpty()) {
      send = tx.insertSend(e.id(), due.step().id(), due.visit(), SendState.CLAIMED, due.at(), now);
    } else if (NextDue.wake(due, row).filter(w -> !w.isAfter(now)).isPresent()) {
      send = row.get().with(SendState.CLAIMED, row.get().detail());
      tx.updateSend(send, now);
    } else {
      return Optional.empty(); // in doubt, sent or failed: never again from here
    }
    return Optional.of(new Claimed(item, send, e));
  }

  private static boolean stillDue(LiveCadence cadence, StoredEnrollment e, Due due, Instant now) {
    for (Due d : cadence.engine().due(e.state())) {
      if (d.step().id().equals(due.step().id()) && d.visit() == due.visit()) {
        return !d.at().isAfter(now);
      }
    }
    return false;
  }

  /**
   * The suppression check: ends the enrollment (and cancels the send) when the lead or address is
   * listed.
   */
  private boolean suppressIfListed(
      StateStore.Tx tx,
      StoredEnrollment e,
      Optional<SendRecord> send,
      Instant now,
      TickTally report) {
    Optional<Suppression> listed = tx.suppression(e.leadId(), e.lead().email());
    if (listed.isEmpty()) {
      return false;
    }
    Enrollment ended =
        LeadStatus.suppressed(e.state(), "suppressed: " + listed.get().reason(), now);
    tx.updateEnrollment(e.id(), ended, Optional.empty(), e.status(), now);
    send.ifPresent(
        s ->
            tx.updateSend(
                s.with(SendState.CANCELLED, "suppressed: " + listed.get().reason()), now));
    report.suppressed++;
    report.line(e, send.map(SendRecord::step).orElse(""), "suppressed: " + listed.get().reason());
    return true;
  }

  /**
   * The last look before the server: a suppression recorded since the batch was marked cancels this
   * send.
   */
  private boolean listedNow(Claimed c, SendRecord sending, TickTally report) {
    if (store
        .read(tx -> tx.suppression(c.enrollment().leadId(), c.enrollment().lead().email()))
        .isEmpty()) {
      return false;
    }
    Instant now = clock.instant();
    return store.writeBuffered(
        tx -> {
          StoredEnrollment fresh = tx.enrollment(c.enrollment().id()).orElseThrow();
          return suppressIfListed(tx, fresh, Optional.of(sending), now, report);
        });
  }

  private void hold(List<Claimed> held, List<MessageComposer.Held> why) {
    Instant now = clock.instant();
    store.writeBuffered(
        tx -> {
          for (int i = 0; i < held.size(); i++) {
            SendRecord send = held.get(i).send();
            LiveCadence cadence = held.get(i).item().cadence();
            tx.updateSend(
                send.with(SendState.HELD, why.get(i).reason())
                    .withAttempt(send.attempts(), Optional.of(now.plus(HOLD_RETRY))),
                now);
            tx.enrollment(send.enrollmentId())
                .ifPresent(
                    e ->
                        tx.updateEnrollment(
                            e.id(),
                            e.state(),
                            NextDue.of(cadence.engine(), e.state(), tx.sendsOf(e.id())),
                            e.status(),
                            now));
          }
          return null;
        });
  }

  /**
   * A send marked {@code sending} that this process knows it never handed over: free for the next
   * tick.
   */
  private void release(SendRecord s, String why) {
    Instant now = clock.instant();
    store.writeBuffered(
        tx -> {
          tx.updateSend(s.notHandedOver(SendState.CANCELLED, why, Optional.empty()), now);
          return null;
        });
  }

  /** Marks one claimed send {@code sending} after the last checks; empty when it is off. */
  private Optional<SendRecord> markSending(
      StateStore.Tx tx, Ready r, Instant now, TickTally report) {
    SendRecord claimed = r.claimed().send();
    StoredEnrollment seen = r.claimed().enrollment();
    Optional<StoredEnrollment> fresh = tx.enrollment(seen.id());
    Optional<SendRecord> row = tx.send(claimed.enrollmentId(), claimed.step(), claimed.visit());
    if (fresh.isEmpty() || row.isEmpty() || row.get().state() != SendState.CLAIMED) {
      return Optional.empty();
    }
    if (!fresh.get().state().isActive()) {
      tx.updateSend(
          row.get().with(SendState.CANCELLED, "the enrollment ended before sending"), now);
      report.line(seen, claimed.step(), "cancelled: the enrollment ended before sending");
      return Optional.empty();
    }
    if (suppressIfListed(tx, fresh.get(), row, now, report)) {
      return Optional.empty();
    }
    SendRecord sending =
        row.get().sending(options.from(), r.email().to(), r.email().messageId(), now);
    tx.updateSend(sending, now);
    return Optional.of(sending);
  }
}
