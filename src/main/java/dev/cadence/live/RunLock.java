package dev.cadence.live;

/**
 * Held by the one tick that may run on a store at a time; released by {@link #close()} or, however
 * the process ends, by the store's own means (an OS file lock ends with its process).
 */
public interface RunLock extends AutoCloseable {
  @Override
  void close();
}
