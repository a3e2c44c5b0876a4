package dev.cadence.io.log;

import dev.cadence.model.OutcomeEvent;
import dev.cadence.simulate.Simulation;

/** Encodes a chunk of events as outcome-log lines in UTF-8, on the worker that simulated them. */
public final class LogEncoder implements Simulation.ChunkEncoder {
  private final Utf8Buffer lines = new Utf8Buffer(1 << 20);
  private final OutcomeLog.Writer writer = new OutcomeLog.Writer(lines);

  @Override
  public void accept(OutcomeEvent e) {
    writer.append(e);
  }

  @Override
  public void writeTo(Simulation.Output out) throws java.io.IOException {
    lines.writeTo(out);
  }
}
