package dev.cadence.io.log;

import dev.cadence.model.OutcomeEvent;
import dev.cadence.simulate.Simulation;
import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;

/** Encodes a chunk of events as outcome-log lines in UTF-8, on the worker that simulated them. */
public final class LogEncoder implements Simulation.ChunkEncoder {
  private final Utf8Buffer lines = new Utf8Buffer(1 << 20);
  private final OutcomeLog.Writer writer = new OutcomeLog.Writer(lines);
  private final Queue<LogEncoder> pool;

  public LogEncoder() {
    this(null);
  }

  private LogEncoder(Queue<LogEncoder> pool) {
    this.pool = pool;
  }

  /**
   * Encoders that go back to a pool once written out: a chunk's buffer (about 2 MB for 2,000 leads)
   * and its caches are reused instead of being allocated, grown and collected for every chunk. The
   * pool holds at most as many encoders as there are chunks in flight.
   */
  public static Supplier<Simulation.ChunkEncoder> recycling() {
    Queue<LogEncoder> pool = new ConcurrentLinkedQueue<>();
    return () -> {
      LogEncoder reused = pool.poll();
      return reused != null ? reused : new LogEncoder(pool);
    };
  }

  @Override
  public void accept(OutcomeEvent e) {
    writer.append(e);
  }

  @Override
  public void writeTo(Simulation.Output out) throws IOException {
    lines.writeTo(out);
    if (pool != null) {
      lines.setSize(0);
      pool.offer(this);
    }
  }
}
