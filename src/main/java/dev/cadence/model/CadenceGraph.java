package dev.cadence.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The steps of a cadence as a graph: which step can follow which, and which transitions end it.
 *
 * <p>The implicit successor of a step (no matching {@code on}, no {@code next}) is the following
 * step in the file that is not a join, or {@link Transition.Done} after the last. A step named in a
 * join's {@code after} list has no implicit successor: its branch waits for the join. A step
 * started by a fork (and waited on by no join) ends its branch. Joins are entered only when all
 * their {@code after} steps are completed, never by a transition.
 */
public final class CadenceGraph {
  /** An edge: from a step, via an outcome ("next" for the default), to a step or an end. */
  public record Edge(Step from, String via, Optional<Step> to, Transition transition) {}

  private final Cadence cadence;
  private final Map<String, Step> byId = new LinkedHashMap<>();
  private final Map<String, List<Step>> joinsWaitingOn = new HashMap<>();
  // By identity: record equals/hashCode bootstrap method handles, a start-up cost for a linter.
  private final Map<Step, Integer> index = new IdentityHashMap<>();
  // The implicit successor of each step, computed once: the engine asks for it at every step.
  private final Map<Step, Optional<Transition>> implicit = new IdentityHashMap<>();
  private final Set<String> forked = new HashSet<>();

  public CadenceGraph(Cadence cadence) {
    this.cadence = cadence;
    for (Step step : cadence.steps()) {
      index.put(step, index.size());
      byId.putIfAbsent(step.id(), step);
      for (StepRef ref : step.after()) {
        if (ref.id().equals(step.id())) {
          continue; // a join on itself is an error of its own (bad-join); it must not also cut the
          // flow
        }
        List<Step> joins = joinsWaitingOn.get(ref.id());
        if (joins == null) {
          joins = new ArrayList<>();
          joinsWaitingOn.put(ref.id(), joins);
        }
        joins.add(step);
      }
    }
    // Loops and instanceof, not Fork.class::isInstance in a stream: a method reference bound to a
    // Class makes the JVM generate a method-handle class at each start (validate builds this
    // graph).
    for (Step step : cadence.steps()) {
      for (Transition t : step.on().values()) {
        addForked(t);
      }
      if (step.next().isPresent()) {
        addForked(step.next().get());
      }
    }
    // Filled once here and only read afterwards, so the graph is safe to share between threads.
    for (Step step : cadence.steps()) {
      implicit.put(step, implicitSuccessor(step));
    }
  }

  private void addForked(Transition t) {
    if (t instanceof Transition.Fork f) {
      for (StepRef ref : f.steps()) {
        forked.add(ref.id());
      }
    }
  }

  public Cadence cadence() {
    return cadence;
  }

  public Optional<Step> step(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The step every enrollment starts at. */
  public Optional<Step> start() {
    List<Step> steps = cadence.steps();
    return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(0));
  }

  /** The joins that wait (among others) for {@code step}. */
  public List<Step> joinsWaitingOn(Step step) {
    return joinsWaitingOn.getOrDefault(step.id(), List.of());
  }

  /** What follows {@code step} when no {@code on} outcome applies; empty when its branch waits. */
  public Optional<Transition> successor(Step step) {
    if (step.next().isPresent()) {
      return step.next();
    }
    Optional<Transition> known = implicit.get(step);
    return known != null ? known : implicitSuccessor(step);
  }

  private Optional<Transition> implicitSuccessor(Step step) {
    if (joinsWaitingOn.containsKey(step.id())) {
      return Optional.empty();
    }
    if (forked.contains(step.id())) {
      // A forked branch ends here unless it says where to go (next) or a join waits on it: falling
      // through into the next step in the file would run a sibling branch's step twice.
      return Optional.of(new Transition.Done(Pos.NONE));
    }
    Optional<Step> following = following(step);
    return Optional.of(
        following.isPresent()
            ? new Transition.GoTo(new StepRef(following.get().id(), Pos.NONE))
            : new Transition.Done(Pos.NONE));
  }

  /** The next step in the file that is not a join, if any. */
  private Optional<Step> following(Step step) {
    List<Step> steps = cadence.steps();
    for (int i = index.get(step) + 1; i < steps.size(); i++) {
      if (!steps.get(i).isJoin()) {
        return Optional.of(steps.get(i));
      }
    }
    return Optional.empty();
  }

  /** Every edge out of {@code step}: its outcomes, its successor, and the joins it feeds. */
  public List<Edge> edges(Step step) {
    List<Edge> edges = new ArrayList<>();
    // Loops, not forEach lambdas: validate builds these edges once per start, cold.
    for (Map.Entry<String, Transition> on : step.on().entrySet()) {
      addEdges(edges, step, on.getKey(), on.getValue());
    }
    Optional<Transition> successor = successor(step);
    if (successor.isPresent()) {
      Transition target = successor.get();
      if (step.next().isEmpty() && target instanceof Transition.GoTo) {
        // The implicit successor is the following step by position: looked up by id, a duplicated
        // id would lead back to the first step of that id and show a loop that is not there.
        edges.add(new Edge(step, "next", following(step), target));
      } else {
        addEdges(edges, step, "next", target);
      }
    }
    for (Step join : joinsWaitingOn(step)) {
      edges.add(
          new Edge(
              step,
              "join",
              Optional.of(join),
              new Transition.GoTo(new StepRef(join.id(), Pos.NONE))));
    }
    return edges;
  }

  private void addEdges(List<Edge> edges, Step from, String via, Transition target) {
    if (target instanceof Transition.GoTo g) {
      edges.add(new Edge(from, via, step(g.step().id()), target));
    } else if (target instanceof Transition.Fork f) {
      for (StepRef ref : f.steps()) {
        edges.add(new Edge(from, via, step(ref.id()), target));
      }
    } else {
      edges.add(new Edge(from, via, Optional.empty(), target));
    }
  }
}
