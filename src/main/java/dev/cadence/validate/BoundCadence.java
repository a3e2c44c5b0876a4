package dev.cadence.validate;

import dev.cadence.model.Cadence;
import java.util.Set;

/**
 * A cadence read from YAML, best effort: what could be bound is there, every problem was reported.
 *
 * @param stepsWithoutChannel steps whose channel was missing or unknown (bound as tasks); checks
 *     that depend on the channel skip them rather than repeat the error
 */
public record BoundCadence(Cadence cadence, Set<String> stepsWithoutChannel) {
  public BoundCadence {
    stepsWithoutChannel = Set.copyOf(stepsWithoutChannel);
  }
}
