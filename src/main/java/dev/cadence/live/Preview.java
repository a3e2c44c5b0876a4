package dev.cadence.live;

import dev.cadence.engine.Due;
import dev.cadence.model.Channel;
import dev.cadence.model.Lead;
import dev.cadence.schedule.Calendar;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code run --dry-run}: what a tick would do now, read from the store without changing anything.
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
    TickReport report = new TickReport();
    report.refusedCadences.putAll(refused);
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
          Set<String> leads = new HashSet<>();
          List<StoredEnrollment> candidates = new java.util.ArrayList<>();
          Set<String> changed = new HashSet<>();
          for (CadenceRef ref : tx.cadences()) {
            LiveCadence c = cadences.get(ref.id());
            if (c != null && !c.hash().equals(ref.hash())) {
              changed.add(
                  ref.id()); // the stored due times are stale: look at every active enrollment, as
              // the tick will
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
          for (StoredEnrollment e : candidates) {
            {
              LiveCadence c = cadences.get(e.cadence());
              Optional<Due> due =
                  c == null ? Optional.empty() : firstDue(c, e, tx.sendsOf(e.id()), now);
              if (due.isEmpty()) {
                continue;
              }
              report.due++;
              String step = due.get().step().id();
              Lead lead = e.lead();
              Optional<Suppression> listed = tx.suppression(e.leadId(), lead.email());
              if (listed.isPresent()) {
                report.suppressed++;
                report.line(e, step, "would not send: suppressed (" + listed.get().reason() + ")");
              } else if (!new Calendar(c.engine().cadence().schedule(), e.state().zone())
                  .isOpen(now)) {
                report.outsideWindow++;
                report.line(e, step, "would wait for the window");
              } else if (capLeft <= 0) {
                report.deferredByCap++;
                report.line(e, step, "would defer: daily cap reached");
              } else if (!leads.add(e.leadId())) {
                report.line(e, step, "would defer: the lead already gets an email this tick");
              } else {
                String template = due.get().step().templateFor(lead.region().orElse("")).orElse("");
                MessageComposer.Composed composed =
                    lead.email().isEmpty()
                        ? new MessageComposer.Held(
                            List.of("email"), "the lead has no email address")
                        : composer.compose(c.dir(), template, lead.fields());
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
            }
          }
          return null;
        });
    return report;
  }

  private static Optional<Due> firstDue(
      LiveCadence c, StoredEnrollment e, List<SendRecord> sends, Instant now) {
    try {
      for (Due d : c.engine().due(e.state())) {
        if (d.step().channel() == Channel.EMAIL) {
          Optional<Instant> wake = NextDue.wake(d, NextDue.find(sends, d.step().id(), d.visit()));
          if (wake.isPresent() && !wake.get().isAfter(now)) {
            return Optional.of(d);
          }
        }
      }
    } catch (IllegalArgumentException x) {
      // a step the cadence no longer has: the real tick reports it
    }
    return Optional.empty();
  }
}
