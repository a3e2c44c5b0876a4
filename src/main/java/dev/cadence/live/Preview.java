package dev.cadence.live;

import dev.cadence.engine.Due;
import dev.cadence.model.Lead;
import dev.cadence.schedule.Calendar;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code run --dry-run}: what a tick would do now, read from the store without changing anything.
 * Each enrollment goes through the tick's own decision ({@link TickDecision}); only what is done
 * with it differs.
 */
public final class Preview {
  private Preview() {}

  public static TickReport of(
      StateStore store,
      Map<String, LiveCadence> cadences,
      Map<String, String> refused,
      MessageComposer composer,
      TickOptions options,
      Instant now) {
    TickTally report = new TickTally(refused);
    store.read(
        tx -> {
          for (SendRecord s : tx.sendsIn(EnumSet.of(SendState.SENDING))) {
            report.recoveredInDoubt++;
            report.lines.add(
                new TickReport.Line(
                    s.cadence(),
                    s.leadId(),
                    s.step(),
                    "would be reported in doubt (interrupted tick)"));
          }
          Instant midnight = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
          int capLeft =
              options
                  .dailyCap()
                  .map(cap -> cap - tx.sendsStartedSince(options.from(), midnight))
                  .orElse(Integer.MAX_VALUE);
          Set<String> served = new HashSet<>();
          for (StoredEnrollment e : candidates(tx, cadences, now)) {
            LiveCadence c = cadences.get(e.cadence());
            Optional<Due> due = c == null ? Optional.empty() : firstDue(c, e, tx, now);
            if (due.isEmpty()) {
              continue;
            }
            report.due++;
            String step = due.get().step().id();
            Lead lead = e.lead();
            Calendar calendar = new Calendar(c.engine().cadence().schedule(), e.state().zone());
            TickDecision.Decision decision =
                TickDecision.decide(calendar, now, capLeft, served, e.leadId());
            if (decision instanceof TickDecision.Decision.WaitForWindow) {
              report.outsideWindow++;
              report.line(e, step, "would wait for the window");
              continue;
            } else if (decision instanceof TickDecision.Decision.DeferByCap) {
              report.deferredByCap++;
              report.line(e, step, "would defer: daily cap reached");
              continue;
            } else if (decision instanceof TickDecision.Decision.LeadServed) {
              report.line(e, step, "would defer: the lead already gets an email this tick");
              continue;
            }
            Optional<Suppression> listed = tx.suppression(e.leadId(), lead.email());
            if (listed.isPresent()) {
              report.suppressed++;
              report.line(e, step, "would not send: suppressed (" + listed.get().reason() + ")");
              continue;
            }
            MessageComposer.Composed composed =
                TickDecision.compose(composer, c, due.get().step(), lead);
            if (composed instanceof MessageComposer.Held held) {
              report.held++;
              report.line(e, step, "would hold: " + held.reason());
            } else {
              capLeft--;
              report.sent++;
              report.line(
                  e,
                  step,
                  "would send `"
                      + ((MessageComposer.Ready) composed).subject()
                      + "` to "
                      + lead.email().get());
            }
          }
          return null;
        });
    return report.report();
  }

  /**
   * The enrollments a tick would look at: those due, and every active one of a cadence whose file
   * changed (their stored due times are stale until the tick computes them again).
   */
  private static List<StoredEnrollment> candidates(
      StateStore.Tx tx, Map<String, LiveCadence> cadences, Instant now) {
    List<StoredEnrollment> candidates = new ArrayList<>();
    Set<String> changed = new HashSet<>();
    for (CadenceRef ref : tx.cadences()) {
      LiveCadence c = cadences.get(ref.id());
      if (c != null && !c.hash().equals(ref.hash())) {
        changed.add(ref.id());
        tx.forEachEnrollment(ref.id(), true, candidates::add);
      }
    }
    long after = 0;
    for (List<StoredEnrollment> page = tx.dueEnrollments(now, after, Tick.PAGE);
        !page.isEmpty();
        page = tx.dueEnrollments(now, after, Tick.PAGE)) {
      for (StoredEnrollment e : page) {
        after = e.id();
        if (!changed.contains(e.cadence())) {
          candidates.add(e);
        }
      }
    }
    return candidates;
  }

  private static Optional<Due> firstDue(
      LiveCadence c, StoredEnrollment e, StateStore.Tx tx, Instant now) {
    try {
      return TickDecision.firstDue(c.engine(), e.state(), tx.sendsOf(e.id()), now);
    } catch (IllegalArgumentException x) {
      return Optional.empty(); // a step the cadence no longer has: the real tick reports it
    }
  }
}
