package dev.cadence.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The counters of a tick while it runs, kept by the tick, its deliveries and its dry run; turned
 * into a {@link TickReport} once at the end.
 */
final class TickTally {
  int due;
  int sent;
  int retried;
  int failed;
  int inDoubt;
  int held;
  int deferredByCap;
  int outsideWindow;
  int suppressed;
  int recoveredInDoubt;
  int recoveredClaims;
  int stranded;
  boolean stoppedSending;
  final Map<String, String> refusedCadences = new LinkedHashMap<>();
  final List<String> problems = new ArrayList<>();
  final List<TickReport.Line> lines = new ArrayList<>();

  TickTally(Map<String, String> refused) {
    refusedCadences.putAll(refused);
  }

  /** An enrollment that cannot go on by itself (a person must look): counted and reported. */
  void strand(String problem) {
    stranded++;
    problems.add(problem);
  }

  void line(StoredEnrollment e, String step, String what) {
    lines.add(new TickReport.Line(e.cadence(), e.leadId(), step, what));
  }

  /** See {@link TickReport#partial()}: the tick then sends in batches of one. */
  boolean partial() {
    return retried > 0 || inDoubt > 0 || stoppedSending;
  }

  TickReport report() {
    return new TickReport(
        due,
        sent,
        retried,
        failed,
        inDoubt,
        held,
        deferredByCap,
        outsideWindow,
        suppressed,
        recoveredInDoubt,
        recoveredClaims,
        stranded,
        stoppedSending,
        refusedCadences,
        problems,
        lines);
  }
}
