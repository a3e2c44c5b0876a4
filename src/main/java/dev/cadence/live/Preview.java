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
                    "would be reported in doubt (interrupted tick)",
                    "report_in_doubt",
                    s.recipient(),
                    ""));
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
              line(report, e, step, "would wait for the window", "wait_for_window", "");
              continue;
            } else if (decision instanceof TickDecision.Decision.DeferByCap) {
              report.deferredByCap++;
              line(report, e, step, "would defer: daily cap reached", "defer_daily_cap", "");
              continue;
            } else if (decision instanceof TickDecision.Decision.LeadServed) {
              line(
                  report,
                  e,
                  step,
                  "would defer: the lead already gets an email this tick",
                  "defer_lead_served",
                  "");
              continue;
            }
            Optional<Suppression> listed = tx.suppression(e.leadId(), lead.email());
            if (listed.isPresent()) {
              report.suppressed++;
              line(
                  report,
                  e,
                  step,
                  "would not send: suppressed (" + listed.get().reason() + ")",
                  "suppressed",
                  "");
              continue;
            }
            MessageComposer.Composed composed =
                TickDecision.compose(composer, c, due.get().step(), lead);
            if (composed instanceof MessageComposer.Held held) {
              report.held++;
              line(report, e, step, "would hold: " + held.reason(), "hold", "");
            } else {
              capLeft--;
              report.sent++;
              String subject = ((MessageComposer.Ready) composed).subject();
              line(
                  report,
                  e,
                  step,
                  "would send `" + subject + "` to " + lead.email().get(),
                  "send",
                  subject);
            }
          }
          return null;
        });
    return report.report();
  }

  /** One decision, in words and for scripts: the recipient is the lead's address, if any. */
  private static void line(
      TickTally report,
      StoredEnrollment e,
      String step,
      String what,
      String action,
      String subject) {
    report.lines.add(
        new TickReport.Line(
            e.cadence(), e.leadId(), step, what, action, e.lead().email().orElse(""), subject));
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
