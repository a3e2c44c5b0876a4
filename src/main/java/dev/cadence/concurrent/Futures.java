package dev.cadence.concurrent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Waiting for work done on other threads, with its failure rethrown as it was thrown: a worker's
 * RuntimeException or Error as itself, an IOException as an UncheckedIOException (its cause).
 */
public final class Futures {
  private Futures() {}

  /** The task's result, or its failure. */
  public static <T> T get(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a worker", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      if (cause instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new IllegalStateException(cause);
    }
  }

  /**
   * Runs every task on the pool and waits for them all; the first failure (in list order) is
   * rethrown.
   */
  public static <T> void runAll(ExecutorService pool, List<? extends Callable<T>> tasks) {
    List<Future<T>> futures;
    try {
      futures = pool.invokeAll(tasks);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for workers", e);
    }
    for (Future<T> f : futures) {
      get(f);
    }
  }

  /**
   * Waits until every task has ended, whatever its outcome: for work given up on, results dropped.
   */
  public static void settle(List<? extends Future<?>> futures) {
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (ExecutionException | CancellationException e) {
        // the caller reports why it gave up; a task's own failure adds nothing
      }
    }
  }
}
