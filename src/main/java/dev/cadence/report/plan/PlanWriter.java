package dev.cadence.report.plan;

import dev.cadence.engine.DefaultPath.Plan;

/** Writes plans as they are computed, one lead at a time, so memory stays flat. */
public interface PlanWriter extends AutoCloseable {
  /**
   * The text of one lead's plan (thread-safe: called in parallel); for the day agenda, which must
   * see every plan before it writes, each touch's line, which {@link #write} files under its day.
   */
  String render(Plan plan);

  /**
   * Writes a plan: its rendered text, or (for formats that render nothing per lead) the plan
   * itself.
   */
  void write(Plan plan, String rendered);

  /** Renders and writes in one go (single-threaded use). */
  default void write(Plan plan) {
    write(plan, render(plan));
  }

  /** Finishes the output (closing brackets, agenda sorted by day). */
  @Override
  void close();
}
