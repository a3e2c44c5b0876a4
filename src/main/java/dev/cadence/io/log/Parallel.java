package dev.cadence.io.log;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Runs tasks on a pool and waits for all of them, rethrowing the first failure as it was. */
final class Parallel {
  private Parallel() {}

  static <T> void runAll(ExecutorService pool, List<? extends Callable<T>> tasks) {
    List<Future<T>> futures;
    try {
      futures = pool.invokeAll(tasks);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    for (Future<T> f : futures) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        if (cause instanceof java.io.IOException io) {
          throw new UncheckedIOException(io);
        }
        throw new IllegalStateException(cause);
      }
    }
  }
}
