package dev.cadence.report.simulate;

import dev.cadence.model.Cadence;
import dev.cadence.model.Step;
import dev.cadence.report.Count;
import dev.cadence.simulate.SimulationStats;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** The summary for people: per cadence a table of steps, then how enrollments ended. */
final class TextSummary {
  private TextSummary() {}

  static void render(SimulationReport r, PrintWriter out) {
    SimulationStats s = r.stats();
    out.println(
        "simulated "
            + Count.of(s.leads(), "lead")
            + " (seed "
            + r.seed()
            + ", model "
            + r.model()
            + ", start "
            + r.start()
            + "): "
            + Count.of(s.events(), "event")
            + " written to "
            + r.log());
    for (Cadence c : r.cadences()) {
      long enrolled = s.enrollments().getOrDefault(c.id(), 0L);
      out.println();
      out.println(c.id() + ": " + Count.of(enrolled, "enrollment"));
      int width = Math.max(4, c.steps().stream().mapToInt(x -> x.id().length()).max().orElse(4));
      out.println(
          String.format(
              Locale.ROOT,
              "  %-" + width + "s  %-8s  %8s  %9s  %6s  %6s",
              "step",
              "channel",
              "touches",
              "responded",
              "rate",
              "exits"));
      for (Step step : c.steps()) {
        SimulationStats.StepCounts n = s.counts(c.id(), step.id());
        out.println(
            String.format(
                Locale.ROOT,
                "  %-" + width + "s  %-8s  %,8d  %,9d  %6s  %,6d",
                step.id(),
                step.channel().yamlName(),
                n.touches(),
                n.responded(),
                rate(n.responded(), n.touches()),
                n.exits()));
      }
    }
    out.println();
    out.println("ends:");
    for (Map.Entry<SimulationStats.EndingKey, Long> e : r.endings()) {
      out.println(
          String.format(
              Locale.ROOT,
              "  %,8d  %s: %s",
              e.getValue(),
              e.getKey().cadence(),
              SimulationReport.describe(e.getKey())));
    }
    if (s.capped() > 0) {
      out.println(
          String.format(
              Locale.ROOT, "  %,8d  stopped at the touch limit (--max-touches)", s.capped()));
    }
    if (s.waiting() > 0) {
      out.println(
          String.format(
              Locale.ROOT,
              "  %,8d  still open, nothing left due (an unanswered approval, a refused step)",
              s.waiting()));
    }
    out.println("refused outcomes: " + Count.of(s.refusedTotal()));
    for (Map.Entry<SimulationStats.RefusalKey, Long> e : r.refusals()) {
      out.println(
          String.format(
              Locale.ROOT,
              "  %,8d  %s/%s: %s",
              e.getValue(),
              e.getKey().cadence(),
              e.getKey().step(),
              e.getKey().reason()));
    }
    out.println("leads rejected: " + Count.of(r.rejected()));
    out.flush();
  }

  static String rate(long part, long whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }
}
