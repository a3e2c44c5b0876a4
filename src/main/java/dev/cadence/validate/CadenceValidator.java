package dev.cadence.validate;

import dev.cadence.model.CadenceGraph;

/** The checks of one cadence on its own: references, outcomes, content, flow and guards. */
public final class CadenceValidator {
  private CadenceValidator() {}

  public static void check(BoundCadence bound, Library library, Findings findings) {
    CadenceGraph graph = new CadenceGraph(bound.cadence());
    new ReferenceChecks(graph, bound.stepsWithoutChannel(), library, findings).run();
    if (!bound.cadence().steps().isEmpty()) {
      new FlowChecks(graph, findings).run();
      new GuardChecks(graph, findings).run();
    }
  }
}
