package dev.cadence.validate;

import dev.cadence.model.CadenceGraph;

/** The checks of one cadence on its own: references, outcomes, content, flow and guards. */
public final class CadenceValidator {
  private CadenceValidator() {}

  public static void check(BoundCadence bound, Library library, Findings findings) {
    CadenceGraph graph = new CadenceGraph(bound.cadence());
    new ReferenceChecks(graph, bound.stepsWithoutChannel(), library, findings).run();
    // A first step that waits on `after` (reported as bad-join) leaves the flow without a start:
    // the flow checks would only report loops and dead ends that follow from it.
    if (graph.start().isPresent() && !graph.start().get().isJoin()) {
      new FlowChecks(graph, findings).run();
      new GuardChecks(graph, findings).run();
    }
  }
}
