package dev.cadence.io.log;

import dev.cadence.model.OutcomeEvent;
import dev.cadence.simulate.Simulation;
import java.nio.charset.StandardCharsets;

/** Encodes a chunk of events as outcome-log lines in UTF-8, on the worker that simulated them. */
public final class LogEncoder implements Simulation.ChunkEncoder {
  private final StringBuilder lines = new StringBuilder(1 << 16);

  @Override
  public void accept(OutcomeEvent e) {
    OutcomeLog.appendLine(lines, e);
  }

  @Override
  public byte[] bytes() {
    return lines.toString().getBytes(StandardCharsets.UTF_8);
  }
}
