package dev.cadence.report.plan;

import dev.cadence.engine.DefaultPath.Plan;

/** Writes plans as they are computed, one lead at a time, so memory stays flat. */
public interface PlanWriter extends AutoCloseable {
  /**
   * The text of one lead's plan, when the format writes each lead on its own (thread-safe: called
   * in parallel); null when the format must see every plan first (the day agenda).
   */
  String render(Plan plan);

  /** Writes a plan: its rendered text, or (for formats that render nothing per lead) the plan itself. */
  void write(Plan plan, String rendered);

  /** Renders and writes in one go (single-threaded use). */
  default void write(Plan plan) {
    write(plan, render(plan));
  }

  /** Finishes the output (closing brackets, agenda sorted by day). */
  @Override
  void close();
}
