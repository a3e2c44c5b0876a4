package dev.cadence.model;

import java.util.List;

/** Where an outcome (or a step's completion) leads. */
public sealed interface Transition {
  /** Where the target was written. */
  Pos pos();

  /** Continue with another step of the same cadence. */
  record GoTo(StepRef step) implements Transition {
    @Override
    public Pos pos() {
      return step.pos();
    }
  }

  /** End the enrollment in a named exit state. */
  record Exit(String exit, Pos pos) implements Transition {}

  /** End here and enroll the lead in another cadence. */
  record Handoff(String cadence, Pos pos) implements Transition {}

  /** Start several steps at once (teams working in parallel). */
  record Fork(List<StepRef> steps, Pos pos) implements Transition {
    public Fork {
      steps = List.copyOf(steps);
    }
  }

  /** End the enrollment as completed (what follows the last step). */
  record Done(Pos pos) implements Transition {}
}
