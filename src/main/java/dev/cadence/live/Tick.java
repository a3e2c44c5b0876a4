package dev.cadence.live;

import dev.cadence.engine.Due;
import dev.cadence.engine.Engine;
import dev.cadence.engine.Enrollment;
import dev.cadence.schedule.Calendar;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One scheduler tick: finds the enrollments with an email due, and sends at most one email per lead
 * (catch-up after downtime goes one step per tick, each honouring {@code min_gap}), only inside the
 * lead's window, within the daily cap. The caller holds the run lock.
 *
 * <p>Before anything else, a tick settles what a crashed one left: a send marked {@code sending}
 * may have reached the server, so it becomes in doubt (never resent automatically); a send only
 * {@code claimed} never reached it and is released.
 */
public final class Tick {
  static final int PAGE = 500;

  /** The most sends marked {@code sending} in one durable commit. */
  static final int MAX_BATCH = 16;

  private final StateStore store;
  private final Map<String, LiveCadence> cadences;
  private final Delivery delivery;
  private final Clock clock;
  private final TickOptions options;
  private final Map<String, Calendar> calendars = new HashMap<>();

  public Tick(
      StateStore store,
      Map<String, LiveCadence> cadences,
      EmailSender sender,
      MessageComposer composer,
      Clock clock,
      TickOptions options,
      OutcomeSink log,
      CrashPoints crash) {
    this.store = store;
    this.cadences = Map.copyOf(cadences);
    this.clock = clock;
    this.options = options;
    this.delivery =
        new Delivery(store, this.cadences, sender, composer, clock, options, log, crash);
  }

  /** Runs the tick; {@code refused} names the cadences that could not be loaded, with why. */
  public TickReport run(Map<String, String> refused) {
    delivery.sendMark(notBehind());
    TickTally report = new TickTally(refused);
    TickDeadline deadline = new TickDeadline(options.maxDuration());
    Instant now = clock.instant();
    recover(report);
    refreshChangedCadences();
    int capLeft = options.dailyCap().map(cap -> cap - sentToday(now)).orElse(Integer.MAX_VALUE);
    Set<String> leadsServed = new HashSet<>();
    List<Delivery.Item> batch = new ArrayList<>();
    int batchSize = 1;
    long after = 0;
    while (!report.stoppedSending) {
      long cursor = after;
      List<StoredEnrollment> page = store.read(tx -> tx.dueEnrollments(now, cursor, PAGE));
      if (page.isEmpty()) {
        break;
      }
      for (StoredEnrollment e : page) {
        after = e.id();
        LiveCadence cadence = cadences.get(e.cadence());
        if (cadence == null) {
          report.refusedCadences.putIfAbsent(e.cadence(), "not loaded");
          continue;
        }
        Optional<Due> due = next(cadence, e, now, report);
        if (due.isEmpty()) {
          continue;
        }
        report.due++;
        String step = due.get().step().id();
        Instant at = clock.instant();
        Calendar calendar = calendar(cadence, e.state().zone());
        TickDecision.Decision decision =
            TickDecision.decide(calendar, at, capLeft - batch.size(), leadsServed, e.leadId());
        if (decision instanceof TickDecision.Decision.WaitForWindow w) {
          report.outsideWindow++;
          report.line(e, step, "waits for the window opening " + w.opening());
          store.writeBuffered(
              tx -> {
                tx.enrollment(e.id())
                    .ifPresent(
                        f ->
                            tx.updateEnrollment(
                                f.id(), f.state(), Optional.of(w.opening()), f.status(), at));
                return null;
              });
        } else if (decision instanceof TickDecision.Decision.DeferByCap) {
          report.deferredByCap++;
          report.line(e, step, "deferred: daily cap reached");
        } else if (decision instanceof TickDecision.Decision.LeadServed) {
          report.line(e, step, "deferred: the lead already got an email this tick");
        } else {
          batch.add(new Delivery.Item(cadence, e, due.get()));
          if (batch.size() >= batchSize) {
            capLeft -= delivery.deliver(List.copyOf(batch), report, deadline);
            batch.clear();
            // Small batches first: a crash or a failing server costs little; more only while
            // sends go well.
            batchSize = report.partial() ? 1 : Math.min(batchSize * 2, MAX_BATCH);
          }
        }
        if (deadline.stop(report)) {
          break;
        }
      }
    }
    if (!batch.isEmpty() && !deadline.stop(report)) {
      delivery.deliver(List.copyOf(batch), report, deadline);
    }
    store.checkpoint(); // the results too, while nothing else is waiting on the store
    return report.report();
  }

  /**
   * The send mark noted beside the store by earlier ticks (0 when none), after checking that the
   * store still holds that send.
   *
   * @throws StoreBehindException when it does not: commits were lost
   */
  private long notBehind() {
    OptionalLong mark = store.sendMark();
    if (mark.isEmpty()) {
      return 0;
    }
    long highest = store.read(StateStore.Tx::highestSendId);
    if (highest < mark.getAsLong()) {
      throw new StoreBehindException(mark.getAsLong(), highest);
    }
    return mark.getAsLong();
  }

  /**
   * The email due for the enrollment, or nothing (then its next due time is refreshed when it
   * changed).
   */
  private Optional<Due> next(
      LiveCadence cadence, StoredEnrollment e, Instant now, TickTally report) {
    Engine engine = cadence.engine();
    List<SendRecord> sends = store.read(tx -> tx.sendsOf(e.id()));
    Optional<Due> due;
    try {
      due = TickDecision.firstDue(engine, e.state(), sends, now);
    } catch (IllegalArgumentException x) {
      report.strand(
          "lead "
              + e.leadId()
              + " in "
              + e.cadence()
              + ": "
              + x.getMessage()
              + "; the cadence changed under a running enrollment");
      return Optional.empty();
    }
    if (due.isPresent()) {
      return due;
    }
    Optional<Instant> next = NextDue.of(engine, e.state(), sends);
    if (!next.equals(e.nextDue())) {
      store.writeBuffered(
          tx -> {
            tx.enrollment(e.id())
                .ifPresent(
                    f ->
                        tx.updateEnrollment(
                            f.id(),
                            f.state(),
                            NextDue.of(engine, f.state(), tx.sendsOf(f.id())),
                            f.status(),
                            now));
            return null;
          });
    }
    return Optional.empty();
  }

  /** Settles the sends a crashed tick left in flight (the lock guarantees no tick is running). */
  private void recover(TickTally report) {
    Instant now = clock.instant();
    if (store.read(tx -> tx.sendsIn(EnumSet.of(SendState.CLAIMED, SendState.SENDING))).isEmpty()) {
      return; // the common case: no write transaction, no fsync
    }
    store.write(
        tx -> {
          for (SendRecord s : tx.sendsIn(EnumSet.of(SendState.CLAIMED, SendState.SENDING))) {
            if (s.state() == SendState.SENDING) {
              tx.updateSend(
                  s.with(
                          SendState.IN_DOUBT,
                          "a tick stopped while handing it to the server (started "
                              + s.startedAt().map(Instant::toString).orElse("?")
                              + "); settle it with `cadence resolve`")
                      .finished(now),
                  now);
              report.recoveredInDoubt++;
              tx.enrollment(s.enrollmentId()).ifPresent(e -> refreshNextDue(tx, e, now));
            } else {
              tx.updateSend(
                  s.with(SendState.CANCELLED, "released: a tick stopped before sending it"), now);
              report.recoveredClaims++;
            }
          }
          return null;
        });
    if (report.recoveredInDoubt > 0) {
      report.problems.add(
          report.recoveredInDoubt
              + " send(s) interrupted by a tick that stopped while handing them over are now in"
              + " doubt (never resent): see `cadence status`, settle them with `cadence resolve`");
    }
  }

  /**
   * Due times in the store were computed from the cadence as it was; when its file changed (a
   * reworded wait, a new step), they are computed again for every active enrollment.
   */
  private void refreshChangedCadences() {
    Instant now = clock.instant();
    for (LiveCadence c : cadences.values()) {
      Optional<CadenceRef> ref = store.read(tx -> tx.cadence(c.id()));
      if (ref.isEmpty() || ref.get().hash().equals(c.hash())) {
        continue;
      }
      store.write(
          tx -> {
            List<StoredEnrollment> active = new ArrayList<>();
            tx.forEachEnrollment(c.id(), true, active::add);
            for (StoredEnrollment e : active) {
              refreshNextDue(tx, e, now);
            }
            tx.saveCadence(new CadenceRef(c.id(), ref.get().path(), c.hash()));
            return null;
          });
    }
  }

  private void refreshNextDue(StateStore.Tx tx, StoredEnrollment e, Instant now) {
    LiveCadence c = cadences.get(e.cadence());
    if (c == null) {
      return;
    }
    try {
      Enrollment state = e.state();
      tx.updateEnrollment(
          e.id(), state, NextDue.of(c.engine(), state, tx.sendsOf(e.id())), e.status(), now);
    } catch (IllegalArgumentException x) {
      // A step the cadence no longer has: reported when the enrollment falls due.
    }
  }

  private int sentToday(Instant now) {
    Instant midnight = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
    return store.read(tx -> tx.sendsStartedSince(options.from(), midnight));
  }

  private Calendar calendar(LiveCadence c, ZoneId zone) {
    return calendars.computeIfAbsent(
        c.id() + "\n" + zone.getId(), k -> new Calendar(c.engine().cadence().schedule(), zone));
  }
}
