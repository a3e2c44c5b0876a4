package dev.cadence.engine;

import dev.cadence.model.Step;
import java.time.Instant;

/** A step that falls due for an enrollment at {@code at}. */
public record Due(Step step, int visit, Instant at) {}
