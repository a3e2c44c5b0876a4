package dev.cadence.live;

import dev.cadence.model.OutcomeEvent;
import java.util.List;

/**
 * Records every outcome of a source through the {@link Recorder} (one transaction each: a refused
 * or unreadable item never stops the others), appends what was recorded to the outcome log, tells
 * the listener about each item at its location, and counts.
 */
public final class OutcomeImport {
  /** Hears about each item as it is handled. */
  public interface Listener {
    void recorded(String location, Recorder.Applied applied);

    void refused(String location, String reason);
  }

  /**
   * What an import did.
   *
   * @param recorded items recorded now
   * @param unchanged items already recorded before (a re-import, whole or after an interrupted
   *     one): nothing written again
   * @param refused items refused or unreadable
   */
  public record Counts(int recorded, int unchanged, int refused) {}

  private OutcomeImport() {}

  public static Counts run(
      OutcomeSource source, Recorder recorder, OutcomeSink log, Listener listener) {
    return run(source, recorder, log, listener, CrashPoints.NONE);
  }

  /**
   * As {@link #run(OutcomeSource, Recorder, OutcomeSink, Listener)}; {@code crash} is reached as
   * {@code after-record} once each item's transaction committed, before its log lines (tests stop
   * the process there).
   */
  public static Counts run(
      OutcomeSource source,
      Recorder recorder,
      OutcomeSink log,
      Listener listener,
      CrashPoints crash) {
    int[] counts = new int[3];
    source.forEach(
        item -> {
          if (item instanceof OutcomeSource.Unreadable u) {
            counts[2]++;
            listener.refused(u.location(), u.problem());
            return;
          }
          OutcomeSource.Outcome o = (OutcomeSource.Outcome) item;
          Recorder.Applied applied;
          try {
            applied = recorder.record(o.request(), o.key());
          } catch (IllegalArgumentException | IllegalStateException e) {
            applied = Recorder.Applied.refused(String.valueOf(e.getMessage()));
          }
          crash.reached("after-record");
          if (applied.refusal().isPresent()) {
            counts[2]++;
            listener.refused(o.location(), applied.refusal().get());
            return;
          }
          List<OutcomeEvent> events = applied.events();
          if (applied.alreadyRecorded()) {
            counts[1]++;
          } else {
            counts[0]++;
            if (!events.isEmpty()) {
              log.append(events);
            }
          }
          listener.recorded(o.location(), applied);
        });
    return new Counts(counts[0], counts[1], counts[2]);
  }
}
