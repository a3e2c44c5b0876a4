package dev.cadence.model;

/** A reference to a step by id, with where the reference was written. */
public record StepRef(String id, Pos pos) {}
