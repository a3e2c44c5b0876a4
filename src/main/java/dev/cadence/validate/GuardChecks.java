package dev.cadence.validate;

import dev.cadence.model.CadenceGraph;
import dev.cadence.model.CadenceGraph.Edge;
import dev.cadence.model.Channel;
import dev.cadence.model.ExitState;
import dev.cadence.model.Step;
import dev.cadence.model.Transition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds exits that some path reaches with fewer touches than their {@code require} guard asks for
 * (the seed: "not interested" only after two emails and one call), and shows that path.
 *
 * <p>For each guarded channel it computes the fewest touches of that channel on any path from the
 * first step to each step (a shortest-path fixpoint; a join counts as the most of its branches, a
 * lower bound since branches may share steps).
 */
final class GuardChecks {
  private final CadenceGraph graph;
  private final Findings findings;

  GuardChecks(CadenceGraph graph, Findings findings) {
    this.graph = graph;
    this.findings = findings;
  }

  void run() {
    for (ExitState exit : graph.cadence().exits().values()) {
      if (exit.require().isEmpty()) {
        continue;
      }
      Map<Channel, Fewest> fewest = new HashMap<>();
      for (Channel c : exit.require().minimumTouches().keySet()) {
        fewest.put(c, new Fewest(c));
      }
      for (Step step : graph.cadence().steps()) {
        for (Edge edge : graph.edges(step)) {
          if (edge.transition() instanceof Transition.Exit x && x.exit().equals(exit.name())) {
            check(exit, step, edge, fewest);
          }
        }
      }
    }
  }

  private void check(ExitState exit, Step step, Edge edge, Map<Channel, Fewest> fewest) {
    for (var required : exit.require().minimumTouches().entrySet()) {
      Fewest f = fewest.get(required.getKey());
      Integer touches = f.count.get(step);
      if (touches == null || touches >= required.getValue()) {
        continue;
      }
      List<String> path = new ArrayList<>();
      for (Step s = step; s != null; s = f.previous.get(s)) {
        path.add(s.id());
      }
      Collections.reverse(path);
      path.add("{exit: " + exit.name() + "}");
      String via = edge.via().equals("next") ? "" : " on `" + edge.via() + "`";
      findings.error(
          Code.GUARD_VIOLATED,
          edge.transition().pos().isKnown() ? edge.transition().pos() : step.where().self(),
          "exit `"
              + exit.name()
              + "` requires "
              + required.getValue()
              + " "
              + required.getKey().yamlName()
              + " touch(es) but is reachable"
              + via
              + " after only "
              + touches
              + ": "
              + String.join(" -> ", path)
              + "; add the missing touches before this transition or send it elsewhere");
      return;
    }
  }

  /** The fewest touches of one channel on any path to each step, and the path that achieves it. */
  private final class Fewest {
    final Map<Step, Integer> count = new IdentityHashMap<>();
    final Map<Step, Step> previous = new IdentityHashMap<>();

    Fewest(Channel channel) {
      if (graph.start().isPresent()) {
        count.put(graph.start().get(), weight(graph.start().get(), channel));
      }
      boolean changed = true;
      while (changed) {
        changed = false;
        for (Step from : graph.cadence().steps()) {
          Integer base = count.get(from);
          if (base == null) {
            continue;
          }
          for (Edge edge : graph.edges(from)) {
            if (edge.to().isEmpty()) {
              continue;
            }
            Step to = edge.to().get();
            Integer candidate =
                to.isJoin()
                    ? plus(joinCount(to), weight(to, channel))
                    : Integer.valueOf(base + weight(to, channel));
            if (candidate != null && (!count.containsKey(to) || candidate < count.get(to))) {
              count.put(to, candidate);
              previous.put(to, from);
              changed = true;
            }
          }
        }
      }
    }

    private Integer joinCount(Step join) {
      int most = 0;
      for (var ref : join.after()) {
        Optional<Step> after = graph.step(ref.id());
        Integer c = after.isPresent() ? count.get(after.get()) : null;
        if (c == null) {
          return null;
        }
        most = Math.max(most, c);
      }
      return most;
    }

    private static Integer plus(Integer count, int weight) {
      return count == null ? null : count + weight;
    }

    private int weight(Step s, Channel channel) {
      return s.channel() == channel ? 1 : 0;
    }
  }
}
