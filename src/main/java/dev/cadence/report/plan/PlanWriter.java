package dev.cadence.report.plan;

import dev.cadence.engine.DefaultPath.Plan;

/** Writes plans as they are computed, one lead at a time, so memory stays flat. */
public interface PlanWriter extends AutoCloseable {
  void write(Plan plan);

  /** Finishes the output (closing brackets, agenda sorted by day). */
  @Override
  void close();
}
