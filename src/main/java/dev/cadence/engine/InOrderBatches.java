package dev.cadence.engine;

import dev.cadence.concurrent.Futures;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Applies a pure function to a stream of items on worker threads, in batches, and hands the results
 * on in input order, on the thread that feeds it: output stays deterministic and memory stays
 * bounded by a few batches. The feeding thread goes on reading while the workers compute (reading a
 * lead list costs about as much as planning it), and waits only when too many batches are in
 * flight.
 *
 * @param <R> what one batch's work gives (a list of per-item results with {@link #perItem})
 */
public final class InOrderBatches<T, R> implements Consumer<T>, AutoCloseable {
  private final int size;
  private final Function<List<T>, R> work;
  private final Consumer<R> sink;
  private final int maxInFlight;
  private final ExecutorService workers;
  private final ArrayDeque<Future<R>> inFlight = new ArrayDeque<>();
  private List<T> batch;

  /** One result per item, handed on one by one; as many workers as cores. */
  public static <T, R> InOrderBatches<T, List<R>> perItem(
      int size, Function<T, R> work, Consumer<R> sink) {
    return perItem(size, Runtime.getRuntime().availableProcessors(), work, sink);
  }

  /** One result per item, handed on one by one, with {@code threads} workers (at least one). */
  public static <T, R> InOrderBatches<T, List<R>> perItem(
      int size, int threads, Function<T, R> work, Consumer<R> sink) {
    return new InOrderBatches<>(
        size,
        threads,
        items -> {
          List<R> results = new ArrayList<>(items.size());
          for (T item : items) {
            results.add(work.apply(item));
          }
          return results;
        },
        results -> results.forEach(sink));
  }

  /**
   * One result per batch ({@code work} sees the whole batch), with {@code threads} workers (at
   * least one).
   */
  public InOrderBatches(int size, int threads, Function<List<T>, R> work, Consumer<R> sink) {
    if (size < 1 || threads < 1) {
      throw new IllegalArgumentException("batch size and threads must be >= 1");
    }
    this.size = size;
    this.work = work;
    this.sink = sink;
    this.maxInFlight = threads * 2;
    this.batch = new ArrayList<>(size);
    this.workers =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "in-order-batches");
              t.setDaemon(true);
              return t;
            });
  }

  @Override
  public void accept(T item) {
    batch.add(item);
    if (batch.size() == size) {
      submit();
      while (inFlight.size() > maxInFlight) {
        handOnOldest();
      }
    }
  }

  /** Processes what is buffered and hands every result on; call once at the end. */
  @Override
  public void close() {
    try {
      if (!batch.isEmpty()) {
        submit();
      }
      while (!inFlight.isEmpty()) {
        handOnOldest();
      }
    } finally {
      workers.shutdownNow();
    }
  }

  /**
   * Stops the workers without handing on what is still in flight: for a run that already failed.
   */
  public void abandon() {
    workers.shutdownNow();
  }

  private void submit() {
    List<T> full = batch;
    batch = new ArrayList<>(size);
    inFlight.add(workers.submit(() -> work.apply(full)));
  }

  private void handOnOldest() {
    sink.accept(Futures.get(inFlight.poll()));
  }
}
