package dev.cadence.report.live;

/** How {@code enroll}, {@code run} and {@code status} print what they did or found. */
public enum LiveFormat {
  TEXT,
  JSON
}
