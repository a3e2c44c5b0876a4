package dev.cadence.live;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one tick did (or, in a dry run, would do).
 *
 * @param due enrollments with an email due that the tick looked at
 * @param recoveredInDoubt sends found interrupted by a crashed tick and now reported in doubt
 * @param recoveredClaims claims of a crashed tick made before anything was handed over: released,
 *     sent again normally
 * @param stranded enrollments that cannot go on by themselves (at a step their cadence no longer
 *     has, a handoff to a cadence not found, a step the engine refused to complete)
 * @param stoppedSending the tick stopped sending because the server kept failing
 * @param refusedCadences cadences whose enrollments were not worked on, with why
 * @param lines one line per send decision, for --verbose and --dry-run
 */
public record TickReport(
    int due,
    int sent,
    int retried,
    int failed,
    int inDoubt,
    int held,
    int deferredByCap,
    int outsideWindow,
    int suppressed,
    int recoveredInDoubt,
    int recoveredClaims,
    int stranded,
    boolean stoppedSending,
    Map<String, String> refusedCadences,
    List<String> problems,
    List<Line> lines) {

  /**
   * One send decision: {@code what} in words; for a dry run also {@code action}, a stable word for
   * scripts ({@code send}, {@code hold}, ...), and the email's recipient and subject where known
   * (else empty).
   */
  public record Line(
      String cadence,
      String leadId,
      String step,
      String what,
      String action,
      String to,
      String subject) {
    /** A decision told in words only. */
    public Line(String cadence, String leadId, String step, String what) {
      this(cadence, leadId, step, what, "", "", "");
    }
  }

  public TickReport {
    refusedCadences = Collections.unmodifiableMap(new LinkedHashMap<>(refusedCadences));
    problems = List.copyOf(problems);
    lines = List.copyOf(lines);
  }

  /**
   * True when the tick left work that only a later tick or a person can finish (exit 3 for cron,
   * with a warning on stderr even under {@code --quiet}): a retry, a send in doubt (new, or found
   * interrupted by a stopped tick), a held message, a stranded enrollment, a tick that stopped
   * sending.
   */
  public boolean partial() {
    return retried > 0
        || inDoubt > 0
        || recoveredInDoubt > 0
        || held > 0
        || stranded > 0
        || stoppedSending;
  }
}
