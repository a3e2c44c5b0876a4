package dev.cadence.engine;

/**
 * Why the engine refused an outcome: a guard not met, required fields missing, a step not pending.
 */
public record Refusal(String reason) {}
