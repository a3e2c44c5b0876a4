package dev.cadence.engine;

import java.util.Optional;

/** The state after an event, or the unchanged state and why the event was refused. */
public record Result(Enrollment state, Optional<Refusal> refusal) {
  static Result ok(Enrollment state) {
    return new Result(state, Optional.empty());
  }

  static Result refused(Enrollment state, String reason) {
    return new Result(state, Optional.of(new Refusal(reason)));
  }

  public boolean isRefused() {
    return refusal.isPresent();
  }
}
