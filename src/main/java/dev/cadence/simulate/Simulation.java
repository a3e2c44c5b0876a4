package dev.cadence.simulate;

import dev.cadence.engine.InOrderBatches;
import dev.cadence.model.Lead;
import dev.cadence.model.OutcomeEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Streams leads through a {@link LeadSimulator} in chunks, on worker threads, and writes each
 * chunk's log in input order. Memory holds a few chunks, whatever the number of leads; the output
 * does not depend on the number of threads (each lead has its own random stream).
 */
public final class Simulation implements Consumer<Lead>, AutoCloseable {
  /** Turns a chunk's events into the bytes of its log lines (on a worker), then writes them out. */
  public interface ChunkEncoder extends Consumer<OutcomeEvent> {
    void writeTo(Output out) throws IOException;
  }

  /** Where encoded chunks go, in input order. */
  public interface Output {
    void write(byte[] bytes, int offset, int length) throws IOException;
  }

  /** Told the number of leads done after each chunk (for a progress bar). */
  public interface Progress {
    void leadsDone(long leads);
  }

  private record Done(ChunkEncoder encoded, SimulationStats stats, int leads) {}

  private final LeadSimulator simulator;
  private final Supplier<ChunkEncoder> encoders;
  private final Output output;
  private final Progress progress;
  private final InOrderBatches<Lead, Done> chunks;
  private final SimulationStats total = new SimulationStats();
  private long leadsDone;

  public Simulation(
      LeadSimulator simulator,
      Supplier<ChunkEncoder> encoders,
      Output output,
      int threads,
      int chunkSize,
      Progress progress) {
    if (threads < 1 || chunkSize < 1) {
      throw new IllegalArgumentException("threads and chunk size must be >= 1");
    }
    this.simulator = simulator;
    this.encoders = encoders;
    this.output = output;
    this.progress = progress;
    this.chunks = new InOrderBatches<>(chunkSize, threads, this::simulate, this::write);
  }

  /** Adds a lead; blocks while too many chunks wait to be written. */
  @Override
  public void accept(Lead lead) {
    chunks.accept(lead);
  }

  /** Simulates what is left, writes everything, and returns the counts. */
  public SimulationStats finish() throws IOException {
    try {
      chunks.close();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return total;
  }

  private Done simulate(List<Lead> leads) {
    ChunkEncoder encoder = encoders.get();
    SimulationStats stats = new SimulationStats();
    for (Lead lead : leads) {
      simulator.run(lead, encoder, stats);
    }
    return new Done(encoder, stats, leads.size());
  }

  /** On the feeding thread, in input order. */
  private void write(Done done) {
    try {
      done.encoded().writeTo(output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    total.add(done.stats());
    leadsDone += done.leads();
    progress.leadsDone(leadsDone);
  }

  @Override
  public void close() {
    chunks.abandon();
  }
}
