package dev.cadence.report.live;

import dev.cadence.live.Tasks;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/** How {@code cadence tasks} prints the reps' list. */
public enum TasksFormat {
  TEXT,
  CSV,
  ICS,
  JSON;

  /** Writes {@code tasks}; {@code stamp} dates the calendar's events (the run's clock). */
  public void write(List<Tasks.Task> tasks, Instant stamp, PrintWriter out) {
    switch (this) {
      case CSV -> TasksWriter.csv(tasks, out);
      case ICS -> TasksWriter.ics(tasks, stamp, out);
      case JSON -> TasksWriter.json(tasks, out);
      default -> TasksWriter.text(tasks, out);
    }
  }
}
