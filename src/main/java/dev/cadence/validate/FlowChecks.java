package dev.cadence.validate;

import dev.cadence.model.Cadence;
import dev.cadence.model.CadenceGraph;
import dev.cadence.model.CadenceGraph.Edge;
import dev.cadence.model.ExitState;
import dev.cadence.model.Step;
import dev.cadence.model.StepRef;
import dev.cadence.model.Timing;
import dev.cadence.model.Transition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks of the cadence as a graph: reachability, ends, loops without waits, unused exits. Loops
 * rather than lambdas, as in {@link ReferenceChecks}: this runs once per start, cold.
 */
final class FlowChecks {
  private final Cadence cadence;
  private final CadenceGraph graph;
  private final Findings findings;

  FlowChecks(CadenceGraph graph, Findings findings) {
    this.cadence = graph.cadence();
    this.graph = graph;
    this.findings = findings;
  }

  void run() {
    Set<Step> reachable = reachable();
    joinsWaitingOnUnreachableSteps(reachable);
    for (Step step : cadence.steps()) {
      if (!reachable.contains(step)) {
        findings.warning(
            Code.UNREACHABLE_STEP,
            step.where().at("id"),
            "step `"
                + step.id()
                + "` cannot be reached from the first step `"
                + (graph.start().isPresent() ? graph.start().get().id() : "")
                + "`; point an outcome or `next` at it, or remove it");
      }
    }
    noExit(reachable);
    loopsWithoutWait();
    unusedExits();
  }

  /**
   * The steps some path from the first step reaches. A join is reached only once every step it
   * waits on is: the engine starts it when all of them have completed, so one unreachable step in
   * its {@code after} keeps it (and what follows it) from ever starting.
   */
  private Set<Step> reachable() {
    Set<Step> seen = identitySet();
    Deque<Step> todo = new ArrayDeque<>();
    if (graph.start().isPresent()) {
      todo.add(graph.start().get());
    }
    while (!todo.isEmpty()) {
      Step step = todo.poll();
      if (seen.add(step)) {
        for (Edge e : graph.edges(step)) {
          if (e.to().isPresent() && (!e.via().equals("join") || allReached(e.to().get(), seen))) {
            todo.add(e.to().get());
          }
        }
      }
    }
    return seen;
  }

  /**
   * True if every step that {@code join} waits on is in {@code seen}. A join on itself (bad-join)
   * and an unknown id (unknown-step) are left out: their own errors say what is wrong, and an
   * unreachable-step warning on top of them would only repeat it.
   */
  private boolean allReached(Step join, Set<Step> seen) {
    for (StepRef ref : join.after()) {
      Optional<Step> waited = graph.step(ref.id());
      if (!ref.id().equals(join.id()) && waited.isPresent() && !seen.contains(waited.get())) {
        return false;
      }
    }
    return true;
  }

  /**
   * A join with some of its steps reachable and others not: leads reach it and wait forever (the
   * engine would end them as completed, never having run the join). With none reachable, nothing
   * reaches it and unreachable-step says so.
   */
  private void joinsWaitingOnUnreachableSteps(Set<Step> reachable) {
    for (Step join : cadence.steps()) {
      if (!join.isJoin()) {
        continue;
      }
      List<StepRef> unreachable = new ArrayList<>();
      boolean someReachable = false;
      for (StepRef ref : join.after()) {
        Optional<Step> waited = graph.step(ref.id());
        if (ref.id().equals(join.id()) || waited.isEmpty()) {
          continue; // bad-join (a join on itself) and unknown-step already say so
        }
        if (reachable.contains(waited.get())) {
          someReachable = true;
        } else {
          unreachable.add(ref);
        }
      }
      if (!someReachable) {
        continue;
      }
      for (StepRef ref : unreachable) {
        findings.error(
            Code.BAD_JOIN,
            ref.pos(),
            "join `"
                + join.id()
                + "` waits on `"
                + ref.id()
                + "`, which no path from the first step reaches, so `"
                + join.id()
                + "` never starts and leads stall before it; lead to `"
                + ref.id()
                + "` (an outcome, `next` or `fork`) or take it out of `after`");
      }
    }
  }

  /** Steps that cannot reach an exit, a handoff or the end: they would hold a lead forever. */
  private void noExit(Set<Step> reachable) {
    // Backwards from the steps that can end, over each edge once: linear in the size of the graph.
    Map<Step, List<Step>> predecessors = new IdentityHashMap<>();
    Set<Step> canEnd = identitySet();
    Deque<Step> todo = new ArrayDeque<>();
    for (Step step : cadence.steps()) {
      for (Edge e : graph.edges(step)) {
        if (e.to().isPresent()) {
          List<Step> before = predecessors.get(e.to().get());
          if (before == null) {
            before = new ArrayList<>();
            predecessors.put(e.to().get(), before);
          }
          before.add(step);
        } else if (isEnd(e) && canEnd.add(step)) {
          todo.add(step);
        }
      }
    }
    while (!todo.isEmpty()) {
      for (Step before : predecessors.getOrDefault(todo.poll(), List.of())) {
        if (canEnd.add(before)) {
          todo.add(before);
        }
      }
    }
    for (Step step : cadence.steps()) {
      if (reachable.contains(step) && !canEnd.contains(step)) {
        findings.error(
            Code.NO_EXIT,
            step.where().at("id"),
            "from step `"
                + step.id()
                + "` no exit, handoff or end can be reached (it only leads to "
                + String.join(", ", successors(step))
                + "); add an outcome or `next` that leaves");
      }
    }
  }

  private static boolean isEnd(Edge e) {
    Transition t = e.transition();
    return t instanceof Transition.Exit
        || t instanceof Transition.Handoff
        || t instanceof Transition.Done;
  }

  private List<String> successors(Step step) {
    Set<String> ids = new LinkedHashSet<>();
    Deque<Step> todo = new ArrayDeque<>(List.of(step));
    Set<Step> seen = identitySet();
    while (!todo.isEmpty()) {
      Step s = todo.poll();
      if (seen.add(s)) {
        for (Edge e : graph.edges(s)) {
          if (e.to().isPresent()) {
            ids.add(e.to().get().id());
            todo.add(e.to().get());
          }
        }
      }
    }
    return ids.isEmpty() ? List.of("nothing") : List.copyOf(ids);
  }

  /**
   * Strongly connected components (Tarjan); a cycle in which no step has a positive wait is an
   * error.
   */
  private void loopsWithoutWait() {
    for (List<Step> component : new Tarjan(graph).components()) {
      Step first = component.get(0);
      boolean isCycle = component.size() > 1;
      for (Edge e : graph.edges(first)) {
        isCycle |= e.to().isPresent() && e.to().get() == first;
      }
      if (!isCycle) {
        continue;
      }
      boolean waits = false;
      for (Step s : component) {
        waits |= s.timing() instanceof Timing.Wait w && !w.delay().isZero();
      }
      if (!waits) {
        Set<Step> members = identitySet();
        members.addAll(component);
        List<Step> inFileOrder = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Step s : cadence.steps()) {
          if (members.contains(s)) {
            inFileOrder.add(s);
            ids.add(s.id());
          }
        }
        ids.add(ids.get(0));
        findings.error(
            Code.LOOP_WITHOUT_WAIT,
            inFileOrder.get(0).where().at("id"),
            "loop "
                + String.join(" -> ", ids)
                + " has no wait, so it could repeat at once; give one of its steps `wait:` (e.g. `wait: 2d`)");
      }
    }
  }

  private void unusedExits() {
    Set<String> used = new HashSet<>();
    for (Step step : cadence.steps()) {
      for (Edge e : graph.edges(step)) {
        if (e.transition() instanceof Transition.Exit x) {
          used.add(x.exit());
        }
      }
    }
    for (ExitState e : cadence.exits().values()) {
      if (!used.contains(e.name())) {
        findings.warning(
            Code.UNUSED_EXIT,
            e.where().self(),
            "exit `"
                + e.name()
                + "` is declared but no transition leads to it; use it or remove it");
      }
    }
  }

  /**
   * Steps are compared by identity: record equals/hashCode would cost start-up time, and ids may
   * repeat.
   */
  static Set<Step> identitySet() {
    return Collections.newSetFromMap(new IdentityHashMap<>());
  }

  /** Tarjan's strongly connected components over the step graph. */
  private static final class Tarjan {
    private final CadenceGraph graph;
    private final Map<Step, Integer> index = new IdentityHashMap<>();
    private final Map<Step, Integer> low = new IdentityHashMap<>();
    private final Deque<Step> stack = new ArrayDeque<>();
    private final Set<Step> onStack = identitySet();
    private final List<List<Step>> components = new ArrayList<>();
    private int counter;

    Tarjan(CadenceGraph graph) {
      this.graph = graph;
    }

    List<List<Step>> components() {
      for (Step s : graph.cadence().steps()) {
        if (!index.containsKey(s)) {
          visit(s);
        }
      }
      return components;
    }

    /**
     * Tarjan's algorithm with an explicit stack: a cadence of thousands of steps must not overflow
     * the JVM's.
     */
    private void visit(Step root) {
      Deque<Object[]> frames = new ArrayDeque<>(); // {step, its edges, next edge index}
      open(root, frames);
      while (!frames.isEmpty()) {
        Object[] frame = frames.peek();
        Step v = (Step) frame[0];
        @SuppressWarnings("unchecked")
        List<Edge> edges = (List<Edge>) frame[1];
        int i = (Integer) frame[2];
        if (i < edges.size()) {
          frame[2] = i + 1;
          Edge e = edges.get(i);
          if (e.to().isEmpty()) {
            continue;
          }
          Step w = e.to().get();
          if (!index.containsKey(w)) {
            open(w, frames);
          } else if (onStack.contains(w)) {
            low.put(v, Math.min(low.get(v), index.get(w)));
          }
          continue;
        }
        frames.pop();
        if (!frames.isEmpty()) {
          Step parent = (Step) frames.peek()[0];
          low.put(parent, Math.min(low.get(parent), low.get(v)));
        }
        if (low.get(v).equals(index.get(v))) {
          List<Step> component = new ArrayList<>();
          Step w;
          do {
            w = stack.pop();
            onStack.remove(w);
            component.add(w);
          } while (w != v);
          components.add(component);
        }
      }
    }

    private void open(Step v, Deque<Object[]> frames) {
      index.put(v, counter);
      low.put(v, counter++);
      stack.push(v);
      onStack.add(v);
      frames.push(new Object[] {v, graph.edges(v), 0});
    }
  }
}
