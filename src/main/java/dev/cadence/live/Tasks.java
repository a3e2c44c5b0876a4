package dev.cadence.live;

import dev.cadence.engine.Due;
import dev.cadence.engine.Pending;
import dev.cadence.model.Channel;
import dev.cadence.model.Lead;
import dev.cadence.model.SourceMap;
import dev.cadence.model.Step;
import dev.cadence.model.Timing;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * People's work: the calls, tasks, meetings, approvals and social touches of active enrollments,
 * with when each falls due (or when it was started, for those waiting for an outcome). They stay
 * listed until {@code cadence record} completes them.
 */
public final class Tasks {
  /**
   * One item of a rep's list.
   *
   * @param owner the step's owner, else the lead's owner, else the step's team (empty when none)
   * @param awaitingOutcome already started (e.g. an approval requested), waiting for its outcome
   */
  public record Task(
      String cadence,
      Lead lead,
      Step step,
      int visit,
      Instant due,
      ZoneId zone,
      String owner,
      boolean awaitingOutcome) {}

  private Tasks() {}

  public static List<Task> of(StateStore store, Map<String, LiveCadence> cadences) {
    List<Task> tasks = new ArrayList<>();
    store.read(
        tx -> {
          tx.forEachEnrollment(
              null,
              true,
              e -> {
                LiveCadence c = cadences.get(e.cadence());
                if (c == null) {
                  return;
                }
                List<Due> due;
                try {
                  due = c.engine().due(e.state());
                } catch (IllegalArgumentException x) {
                  return; // a step the cadence no longer has: run reports it
                }
                for (Due d : due) {
                  if (d.step().channel() != Channel.EMAIL) {
                    tasks.add(
                        new Task(
                            e.cadence(),
                            e.lead(),
                            d.step(),
                            d.visit(),
                            d.at(),
                            e.state().zone(),
                            owner(d.step(), e.lead()),
                            false));
                  }
                }
                for (Pending p : e.state().pending()) {
                  if (p.isAwaitingOutcome()) {
                    c.engine()
                        .cadence()
                        .step(p.step())
                        .ifPresent(
                            s ->
                                tasks.add(
                                    new Task(
                                        e.cadence(),
                                        e.lead(),
                                        s,
                                        p.visit(),
                                        p.performedAt(),
                                        e.state().zone(),
                                        owner(s, e.lead()),
                                        true)));
                  }
                }
              });
          for (InboxTask t : tx.openInboxTasks()) {
            tx.enrollment(t.enrollmentId())
                .ifPresent(e -> tasks.add(replyToRead(t, e, cadences.get(e.cadence()))));
          }
          return null;
        });
    tasks.sort(
        Comparator.comparing(Task::due)
            .thenComparing(t -> t.lead().id())
            .thenComparing(t -> t.step().id()));
    return tasks;
  }

  /**
   * A reply the inbox gave the rep to read, as a task step {@code read-reply} named by what the
   * reply says; its owner is the answered step's (or the lead's).
   */
  private static Task replyToRead(InboxTask t, StoredEnrollment e, LiveCadence cadence) {
    Step read =
        new Step(
            InboxTask.STEP,
            Optional.of(t.what()),
            Channel.TASK,
            new Timing.Immediately(),
            Optional.empty(),
            Map.of(),
            Optional.empty(),
            Optional.empty(),
            Map.of(),
            Optional.empty(),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            Optional.empty(),
            SourceMap.NONE);
    String owner =
        cadence == null
            ? e.lead().owner().orElse("")
            : cadence.engine().cadence().step(t.step()).map(s -> owner(s, e.lead())).orElse("");
    return new Task(e.cadence(), e.lead(), read, 1, t.due(), e.state().zone(), owner, false);
  }

  static String owner(Step step, Lead lead) {
    return step.owner().or(lead::owner).or(step::team).orElse("");
  }
}
