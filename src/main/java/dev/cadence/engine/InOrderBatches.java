package dev.cadence.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies a pure function to a stream of items on all cores, in batches, and hands the results on
 * in input order: output stays deterministic and memory stays bounded by one batch.
 */
public final class InOrderBatches<T, R> implements Consumer<T>, AutoCloseable {
  private final int size;
  private final Function<T, R> work;
  private final Consumer<R> sink;
  private List<T> batch;

  public InOrderBatches(int size, Function<T, R> work, Consumer<R> sink) {
    if (size < 1) {
      throw new IllegalArgumentException("batch size must be >= 1");
    }
    this.size = size;
    this.work = work;
    this.sink = sink;
    this.batch = new ArrayList<>(size);
  }

  @Override
  public void accept(T item) {
    batch.add(item);
    if (batch.size() == size) {
      flush();
    }
  }

  /** Processes what is buffered; call once at the end. */
  @Override
  public void close() {
    flush();
  }

  private void flush() {
    if (batch.isEmpty()) {
      return;
    }
    List<T> full = batch;
    batch = new ArrayList<>(size);
    // parallelStream().map().toList() keeps encounter order.
    full.parallelStream().map(work).toList().forEach(sink);
  }
}
