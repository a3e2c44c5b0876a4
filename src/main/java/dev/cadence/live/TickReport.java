package dev.cadence.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one tick did (or, in a dry run, would do). Mutable while the tick runs. */
public final class TickReport {
  /** One line per send decision, for --verbose and --dry-run. */
  public record Line(String cadence, String leadId, String step, String what) {}

  public int due;
  public int sent;
  public int retried;
  public int failed;
  public int inDoubt;
  public int held;
  public int deferredByCap;
  public int outsideWindow;
  public int suppressed;

  /** Sends found interrupted by a crashed tick and now reported in doubt. */
  public int recoveredInDoubt;

  /**
   * Claims of a crashed tick made before anything was handed over: released, sent again normally.
   */
  public int recoveredClaims;

  /** True when the tick stopped sending because the server kept failing. */
  public boolean stoppedSending;

  /** Cadences whose enrollments were not worked on, with why. */
  public final Map<String, String> refusedCadences = new LinkedHashMap<>();

  public final List<String> problems = new ArrayList<>();
  public final List<Line> lines = new ArrayList<>();

  void line(StoredEnrollment e, String step, String what) {
    lines.add(new Line(e.cadence(), e.leadId(), step, what));
  }

  /**
   * True when the tick left work that only a later tick or a person can finish (exit 3 for cron).
   */
  public boolean partial() {
    return retried > 0 || inDoubt > 0 || stoppedSending;
  }
}
