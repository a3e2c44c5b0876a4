package dev.cadence.model;

import java.util.Optional;

/** A named end state of a cadence, optionally guarded by the touches it requires. */
public record ExitState(String name, Optional<String> status, Guard require, SourceMap where) {}
