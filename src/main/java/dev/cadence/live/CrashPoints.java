package dev.cadence.live;

/**
 * Named points of a send where a test may stop the process (kill -9) to check what a crash there
 * leaves behind: {@code after-claim}, {@code after-sending} (committed, nothing handed over yet)
 * and {@code after-data} (handed over and accepted, not yet recorded).
 */
@FunctionalInterface
public interface CrashPoints {
  CrashPoints NONE = point -> {};

  void reached(String point);
}
