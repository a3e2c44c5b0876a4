package dev.cadence.engine;

import dev.cadence.model.Cadence;
import dev.cadence.model.CadenceGraph;
import dev.cadence.model.Channel;
import dev.cadence.model.ExitState;
import dev.cadence.model.Lead;
import dev.cadence.model.Step;
import dev.cadence.model.StepRef;
import dev.cadence.model.Transition;
import dev.cadence.schedule.Calendar;
import dev.cadence.schedule.DueTimes;
import dev.cadence.schedule.ZoneOffsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cadence state machine: given an enrollment and an event, the next enrollment. Deterministic
 * and pure: time is always an argument. {@code plan}, {@code simulate} and {@code run} share it.
 *
 * <p>Emails and social touches complete when performed (their responses may redirect the flow
 * later, see {@link #respond}); calls, tasks, meetings and approvals complete when their outcome is
 * recorded ({@link #complete}), so an approval blocks its branch until someone answers.
 */
public final class Engine {
  private final Cadence cadence;
  private final CadenceGraph graph;
  private static final Comparator<Due> EARLIEST_FIRST =
      Comparator.comparing(Due::at).thenComparing(d -> d.step().id());

  private final Map<ZoneId, Calendar> calendars = new ConcurrentHashMap<>();

  public Engine(Cadence cadence) {
    this.cadence = cadence;
    this.graph = new CadenceGraph(cadence);
  }

  public Cadence cadence() {
    return cadence;
  }

  /**
   * The zone a lead's touches are scheduled in: the cadence's, else the lead's, else the fallback.
   */
  public ZoneId zoneOf(Lead lead) {
    return cadence.schedule().zone().or(lead::zone).orElse(cadence.schedule().fallbackZone());
  }

  public Enrollment enroll(Lead lead, Instant at) {
    ZoneId zone = zoneOf(lead);
    // The enrollment day in the lead's zone, as at.atZone(zone).toLocalDate() gives it, without
    // working out the zone's transitions of the year for every lead.
    long localSecond =
        at.getEpochSecond() + ZoneOffsets.of(zone).offset(at.getEpochSecond()).getTotalSeconds();
    LocalDate enrolledOn = LocalDate.ofEpochDay(Math.floorDiv(localSecond, 86_400L));
    var start =
        new Enrollment(
            lead.id(),
            cadence.id(),
            zone,
            at,
            enrolledOn,
            AppendOnlyList.empty(),
            AppendOnlyList.empty(),
            List.of(),
            Optional.empty());
    if (lead.doNotContact()) {
      return end(start, new Ending(Ending.Kind.SUPPRESSED, "do_not_contact", Optional.empty(), at));
    }
    return graph
        .start()
        .map(
            first ->
                with(
                    start,
                    List.of(new Pending(first.id(), 1, at, "", null, AppendOnlyList.empty())),
                    start.touches(),
                    start.completed()))
        .orElseGet(() -> end(start, new Ending(Ending.Kind.COMPLETED, "", Optional.empty(), at)));
  }

  /** The pending steps that are not yet performed, with when each falls due, earliest first. */
  public List<Due> due(Enrollment e) {
    if (!e.isActive()) {
      return List.of();
    }
    Calendar calendar = calendars.get(e.zone());
    if (calendar == null) {
      calendar = calendars.computeIfAbsent(e.zone(), z -> new Calendar(cadence.schedule(), z));
    }
    List<Pending> pending = e.pending();
    if (pending.size() == 1) { // the usual case: one step ahead, no list to build and sort
      Pending p = pending.get(0);
      return p.isAwaitingOutcome() ? List.of() : List.of(due(e, p, calendar));
    }
    List<Due> due = new ArrayList<>(pending.size());
    for (Pending p : pending) {
      if (!p.isAwaitingOutcome()) {
        due.add(due(e, p, calendar));
      }
    }
    if (due.size() > 1) {
      due.sort(EARLIEST_FIRST);
    }
    return due;
  }

  private Due due(Enrollment e, Pending p, Calendar calendar) {
    Step step = step(p.step());
    Instant at =
        DueTimes.due(
            step.timing(),
            cadence.schedule(),
            calendar,
            e.enrolledOn(),
            p.reachedAt(),
            e.lastTouch());
    if (e.pausedUntil().isPresent() && at.isBefore(e.pausedUntil().get())) {
      // Away: what fell due meanwhile waits for the first opening after the pause. Later steps
      // count their wait and min_gap from the touch actually made, so they move with it.
      at = calendar.nextOpen(e.pausedUntil().get());
    }
    return new Due(step, p.visit(), at);
  }

  /**
   * Performs a pending step at {@code at}: the email is sent, the call made, the approval
   * requested.
   */
  public Enrollment perform(Enrollment e, String stepId, Instant at) {
    return performChecked(e, stepId, at).state();
  }

  /**
   * As {@link #perform}, and says so when an email's default successor was refused (an exit whose
   * guard is not met): the touch is done, but the flow cannot go on from it.
   */
  public Result performChecked(Enrollment e, String stepId, Instant at) {
    Pending p =
        pending(e, stepId)
            .filter(x -> !x.isAwaitingOutcome())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "step `" + stepId + "` is not due for " + e.leadId()));
    Step step = step(stepId);
    List<Touch> touches =
        AppendOnlyList.plus(e.touches(), new Touch(stepId, p.visit(), step.channel(), at));
    List<Pending> pending = replace(e.pending(), p, p.performed(at));
    Enrollment performed = with(e, pending, touches, e.completed());
    if (completesWhenPerformed(step.channel())) {
      Result next = apply(performed, step, p.lineage(), graph.successor(step), at, true);
      return next.isRefused() ? Result.refused(performed, next.refusal().get().reason()) : next;
    }
    return Result.ok(performed);
  }

  /**
   * Records the outcome of a performed call, task, meeting or approval (empty: simply done) and
   * follows its transition. Refused, with the state unchanged, when a required field is missing,
   * the outcome is impossible for the channel, or the exit it leads to has an unmet guard.
   */
  public Result complete(
      Enrollment e,
      String stepId,
      Optional<String> outcome,
      Map<String, String> fields,
      Instant at) {
    Optional<Pending> p = pending(e, stepId);
    if (!e.isActive() || p.isEmpty()) {
      return Result.refused(e, "step `" + stepId + "` is not pending for lead " + e.leadId());
    }
    Step step = step(stepId);
    List<String> missing = new ArrayList<>(0);
    for (String field : step.requires()) {
      if (fields.getOrDefault(field, "").isBlank()) {
        missing.add(field);
      }
    }
    if (!missing.isEmpty()) {
      return Result.refused(
          e, "step `" + stepId + "` requires " + String.join(", ", missing) + " to be recorded");
    }
    if (outcome.isPresent() && !step.channel().canProduce(outcome.get())) {
      return Result.refused(
          e,
          "a " + step.channel().yamlName() + " step cannot have outcome `" + outcome.get() + "`");
    }
    Enrollment performed = p.get().isAwaitingOutcome() ? e : perform(e, stepId, at);
    if (completesWhenPerformed(step.channel())) {
      return outcome.isPresent()
          ? respond(performed, stepId, outcome.get(), at)
          : Result.ok(performed);
    }
    if (outcome.isPresent() && cadence.exitOn().contains(outcome.get())) {
      return Result.ok(
          end(performed, new Ending(Ending.Kind.EVENT, outcome.get(), Optional.empty(), at)));
    }
    Optional<Transition> chosen = outcome.map(o -> step.on().get(o));
    Optional<Transition> target = chosen.or(() -> graph.successor(step));
    Result result = apply(performed, step, p.get().lineage(), target, at, chosen.isEmpty());
    return result.isRefused() ? Result.refused(e, result.refusal().get().reason()) : result;
  }

  /**
   * A response to a step already performed (an email opened or replied to): an exit_on event ends
   * the enrollment; an {@code on} transition redirects the flow. The redirect supersedes whatever
   * the step's completion set going, however far it got: every pending step that descends from it
   * (its default successor, and the steps that successor reached in turn, including a call
   * performed and still waiting for its outcome) is dropped, and the flow goes to the target.
   * Touches already performed stay in the history; steps of other branches (a fork) are left alone.
   */
  public Result respond(Enrollment e, String stepId, String event, Instant at) {
    if (!e.isActive()) {
      return Result.ok(e);
    }
    if (cadence.exitOn().contains(event)) {
      return Result.ok(end(e, new Ending(Ending.Kind.EVENT, event, Optional.empty(), at)));
    }
    Optional<Step> step = graph.step(stepId);
    if (step.isEmpty() || !step.get().on().containsKey(event) || e.visits(stepId) == 0) {
      return Result.ok(e);
    }
    List<Pending> kept = new ArrayList<>(e.pending().size());
    List<String> lineage = List.of();
    for (Pending p : e.pending()) {
      if (p.descendsFrom(stepId)) {
        lineage = lineageBefore(p.lineage(), stepId, lineage);
      } else {
        kept.add(p);
      }
    }
    Enrollment redirected = with(e, frozen(kept), e.touches(), e.completed());
    Result result =
        apply(redirected, step.get(), lineage, Optional.of(step.get().on().get(event)), at, false);
    return result.isRefused() ? Result.refused(e, result.refusal().get().reason()) : result;
  }

  /**
   * Follows {@code target} from {@code from}. Only a step that leaves by its default path counts
   * toward the joins waiting on it: a rejected approval redirected elsewhere must not start the
   * invoice that waits for the approval.
   */
  private Result apply(
      Enrollment e,
      Step from,
      List<String> fromLineage,
      Optional<Transition> target,
      Instant at,
      boolean byDefault) {
    List<String> lineage = AppendOnlyList.plus(fromLineage, from.id());
    List<Pending> pending = new ArrayList<>(e.pending().size() + 1);
    for (Pending p : e.pending()) {
      if (!p.step().equals(from.id())) {
        pending.add(p);
      }
    }
    List<String> completed =
        byDefault ? AppendOnlyList.plus(e.completed(), from.id()) : e.completed();
    if (target.isPresent()) {
      Transition t = target.get();
      if (t instanceof Transition.Exit x) {
        ExitState exit = cadence.exits().get(x.exit());
        Optional<String> unmet = unmetGuard(e, exit);
        if (unmet.isPresent()) {
          return Result.refused(e, unmet.get());
        }
        return Result.ok(
            end(
                e,
                new Ending(
                    Ending.Kind.EXIT,
                    x.exit(),
                    exit == null ? Optional.empty() : exit.status(),
                    at)));
      }
      if (t instanceof Transition.Handoff h) {
        return Result.ok(
            end(e, new Ending(Ending.Kind.HANDOFF, h.cadence(), Optional.empty(), at)));
      }
      List<StepRef> next =
          t instanceof Transition.GoTo g
              ? List.of(g.step())
              : t instanceof Transition.Fork f ? f.steps() : List.of();
      for (StepRef ref : next) {
        reach(e, pending, ref.id(), from.id(), lineage, at);
      }
    }
    for (Step join : byDefault ? graph.joinsWaitingOn(from) : List.<Step>of()) {
      // A join fires once per round: when each step it waits on has completed more times than
      // the join has been reached (so a join inside a loop fires again on the next pass).
      int fired = e.visits(join.id()) + (indexOf(pending, join.id()) >= 0 ? 1 : 0);
      boolean ready = join.after().stream().allMatch(r -> count(completed, r.id()) > fired);
      if (ready) {
        reach(e, pending, join.id(), from.id(), lineage, at);
      }
    }
    Enrollment next = with(e, frozen(pending), e.touches(), completed);
    if (pending.isEmpty()) {
      return Result.ok(end(next, new Ending(Ending.Kind.COMPLETED, "", Optional.empty(), at)));
    }
    return Result.ok(next);
  }

  private static int count(List<String> ids, String id) {
    int n = 0;
    for (String x : ids) {
      if (x.equals(id)) {
        n++;
      }
    }
    return n;
  }

  private void reach(
      Enrollment e,
      List<Pending> pending,
      String stepId,
      String from,
      List<String> lineage,
      Instant at) {
    if (graph.step(stepId).isPresent() && indexOf(pending, stepId) < 0) {
      pending.add(new Pending(stepId, e.visits(stepId) + 1, at, from, null, lineage));
    }
  }

  /**
   * The lineage of {@code stepId} itself, read from a descendant's (what precedes its last
   * occurrence); {@code otherwise} when the descendant does not show it (a state from before
   * lineages).
   */
  private static List<String> lineageBefore(
      List<String> lineage, String stepId, List<String> otherwise) {
    int i = lineage.lastIndexOf(stepId);
    return i < 0 ? otherwise : List.copyOf(lineage.subList(0, i));
  }

  /** Why {@code exit} may not be taken yet, counted over the touches actually performed. */
  private static Optional<String> unmetGuard(Enrollment e, ExitState exit) {
    if (exit == null) {
      return Optional.empty();
    }
    for (var required : exit.require().minimumTouches().entrySet()) {
      long done = e.touchCount(required.getKey());
      if (done < required.getValue()) {
        return Optional.of(
            "exit `"
                + exit.name()
                + "` requires "
                + required.getValue()
                + " "
                + required.getKey().yamlName()
                + " touch(es); only "
                + done
                + " performed");
      }
    }
    return Optional.empty();
  }

  private static boolean completesWhenPerformed(Channel channel) {
    return channel == Channel.EMAIL || channel == Channel.SOCIAL;
  }

  private Step step(String id) {
    return graph
        .step(id)
        .orElseThrow(() -> new IllegalArgumentException("no step `" + id + "` in " + cadence.id()));
  }

  private static Optional<Pending> pending(Enrollment e, String stepId) {
    int i = indexOf(e.pending(), stepId);
    return i < 0 ? Optional.empty() : Optional.of(e.pending().get(i));
  }

  /** A plain loop: the engine runs millions of times in plan and simulate, where streams cost. */
  private static int indexOf(List<Pending> pending, String stepId) {
    for (int i = 0; i < pending.size(); i++) {
      if (pending.get(i).step().equals(stepId)) {
        return i;
      }
    }
    return -1;
  }

  private static List<Pending> replace(List<Pending> list, Pending old, Pending now) {
    if (list.size() == 1) {
      return List.of(now);
    }
    List<Pending> out = new ArrayList<>(list);
    out.set(out.indexOf(old), now);
    return frozen(out);
  }

  /**
   * An immutable copy that Enrollment keeps as it is; small lists (the usual case) without an
   * array.
   */
  private static List<Pending> frozen(List<Pending> list) {
    switch (list.size()) {
      case 0:
        return List.of();
      case 1:
        return List.of(list.get(0));
      case 2:
        return List.of(list.get(0), list.get(1));
      default:
        return List.copyOf(list);
    }
  }

  private static Enrollment with(
      Enrollment e, List<Pending> pending, List<Touch> touches, List<String> completed) {
    return new Enrollment(
        e.leadId(),
        e.cadence(),
        e.zone(),
        e.enrolledAt(),
        e.enrolledOn(),
        touches,
        completed,
        pending,
        e.ending(),
        e.pausedUntil());
  }

  private static Enrollment end(Enrollment e, Ending ending) {
    return new Enrollment(
        e.leadId(),
        e.cadence(),
        e.zone(),
        e.enrolledAt(),
        e.enrolledOn(),
        e.touches(),
        e.completed(),
        List.of(),
        Optional.of(ending),
        e.pausedUntil());
  }
}
