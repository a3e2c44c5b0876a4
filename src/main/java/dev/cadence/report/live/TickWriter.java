package dev.cadence.report.live;

import dev.cadence.live.TickReport;
import dev.cadence.report.Count;
import dev.cadence.report.Json;
import dev.cadence.validate.Diagnostic;
import java.io.PrintWriter;
import java.time.Instant;

/** A {@code cadence run} tick (or its dry run) as a text summary or one JSON object. */
public final class TickWriter {
  private TickWriter() {}

  /** The tick's problems, one warning line each (for stderr). */
  public static void warnings(TickReport r, PrintWriter err) {
    r.problems().forEach(p -> err.println("warning: " + Diagnostic.oneLine(p)));
  }

  /** The summary line, after one line per send decision when {@code decisions} is set. */
  public static void text(
      TickReport r, Instant at, boolean dry, boolean decisions, PrintWriter out) {
    if (decisions) {
      r.lines()
          .forEach(
              l ->
                  out.println(
                      l.cadence()
                          + " "
                          + Diagnostic.oneLine(l.leadId())
                          + " "
                          + l.step()
                          + ": "
                          + l.what()));
    }
    out.println(
        (dry ? "dry run " : "tick ")
            + at
            + ": "
            + (dry ? "would send " : "sent ")
            + Count.of(r.sent())
            + ", retry "
            + Count.of(r.retried())
            + ", failed "
            + Count.of(r.failed())
            + ", in doubt "
            + Count.of(r.inDoubt())
            + ", held "
            + Count.of(r.held())
            + ", deferred by the daily cap "
            + Count.of(r.deferredByCap())
            + ", waiting for their window "
            + Count.of(r.outsideWindow())
            + ", suppressed "
            + Count.of(r.suppressed())
            + (r.recoveredInDoubt() > 0
                ? "; "
                    + Count.of(r.recoveredInDoubt())
                    + " interrupted send(s) now in doubt: see `cadence status`"
                : "")
            + (r.stranded() > 0
                ? "; " + r.stranded() + " enrollment(s) cannot go on: see the warnings"
                : ""));
  }

  public static void json(TickReport r, Instant at, boolean dry, PrintWriter out) {
    out.println(
        "{\"at\": "
            + Json.string(at.toString())
            + ", \"dry_run\": "
            + dry
            + ", \"due\": "
            + r.due()
            + ", \"sent\": "
            + r.sent()
            + ", \"retry\": "
            + r.retried()
            + ", \"failed\": "
            + r.failed()
            + ", \"in_doubt\": "
            + r.inDoubt()
            + ", \"held\": "
            + r.held()
            + ", \"deferred_by_cap\": "
            + r.deferredByCap()
            + ", \"outside_window\": "
            + r.outsideWindow()
            + ", \"suppressed\": "
            + r.suppressed()
            + ", \"recovered_in_doubt\": "
            + r.recoveredInDoubt()
            + ", \"stranded\": "
            + r.stranded()
            + ", \"stopped_sending\": "
            + r.stoppedSending()
            + ", \"refused_cadences\": "
            + r.refusedCadences().size()
            + (dry ? ", \"emails\": " + emails(r) : "")
            + "}");
  }

  /**
   * A dry run's decisions, one object per email due: what would be done ({@code action}: send,
   * hold, wait_for_window, defer_daily_cap, defer_lead_served, suppressed, report_in_doubt), to
   * whom, with which subject (null when none would be sent), and the same in words.
   */
  private static String emails(TickReport r) {
    StringBuilder list = new StringBuilder("[");
    for (TickReport.Line l : r.lines()) {
      list.append(list.length() == 1 ? "\n" : ",\n")
          .append("{\"cadence\": ")
          .append(Json.string(l.cadence()))
          .append(", \"lead_id\": ")
          .append(Json.string(l.leadId()))
          .append(", \"step\": ")
          .append(Json.string(l.step()))
          .append(", \"action\": ")
          .append(Json.string(l.action()))
          .append(", \"to\": ")
          .append(l.to().isEmpty() ? "null" : Json.string(l.to()))
          .append(", \"subject\": ")
          .append(l.subject().isEmpty() ? "null" : Json.string(l.subject()))
          .append(", \"detail\": ")
          .append(Json.string(l.what()))
          .append('}');
    }
    return list.append(list.length() == 1 ? "]" : "\n]").toString();
  }
}
