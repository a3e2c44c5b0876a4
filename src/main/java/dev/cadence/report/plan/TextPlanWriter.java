package dev.cadence.report.plan;

import dev.cadence.engine.DefaultPath.Plan;
import dev.cadence.engine.Due;
import dev.cadence.engine.Ending;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.Locale;

/** A small table per lead: when each touch of the default path falls due, in the lead's zone. */
final class TextPlanWriter implements PlanWriter {
  /** What PrintWriter.println ends lines with, which this format was first written with. */
  private static final String NL = System.lineSeparator();

  /** The due column, {@code Tue 2026-12-01 09:00 +01:00}: "EEE yyyy-MM-dd HH:mm xxx" is 27. */
  private static final int WHEN_WIDTH = 27;

  private static final String HEADER =
      String.format(
              Locale.ROOT,
              "  %3s  %4s  %-" + WHEN_WIDTH + "s  %-24s  %s",
              "#",
              "day",
              "due",
              "step",
              "channel")
          + NL;

  /** A row's text is about this long; sizing the builder up front saves growing it. */
  private static final int ROW = 96;

  private final PrintWriter out;
  private boolean first = true;

  TextPlanWriter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void write(Plan plan, String rendered) {
    if (!first) {
      out.println();
    }
    first = false;
    out.print(rendered);
  }

  /**
   * Appended piece by piece into one builder, the columns padded by hand: String.format, a
   * DateTimeFormatter and a String per cell made this the slowest part of a 100,000-lead plan.
   */
  @Override
  public String render(Plan plan) {
    ZoneId zone = plan.end().zone();
    StringBuilder s = new StringBuilder(HEADER.length() + 200 + plan.touches().size() * ROW);
    s.append("lead ")
        .append(plan.lead().id())
        .append(" in ")
        .append(plan.end().cadence())
        .append(" (")
        .append(zone)
        .append(')')
        .append(NL)
        .append(HEADER);
    long enrolledOn = plan.end().enrolledOn().toEpochDay();
    int n = 1;
    for (Due d : plan.touches()) {
      TimeText.Local local = TimeText.Local.of(d.at(), zone);
      s.append("  ");
      Padding.left(s, n++, 3).append("  ");
      Padding.left(s, local.epochDay() - enrolledOn + 1, 4).append("  ");
      int start = s.length();
      TimeText.appendWhen(s, local);
      Padding.right(s, start, WHEN_WIDTH).append("  ");
      start = s.length();
      s.append(d.step().id());
      if (d.visit() > 1) {
        s.append(" (").append(d.visit()).append(')');
      }
      Padding.right(s, start, 24).append("  ").append(d.step().channel().yamlName()).append(NL);
    }
    return s.append("  ").append(ending(plan)).append(NL).toString();
  }

  static String ending(Plan plan) {
    if (plan.stop().isPresent()) {
      return plan.stop().get();
    }
    Ending end = plan.end().ending().orElseThrow();
    return switch (end.kind()) {
      case EXIT ->
          "ends in exit `"
              + end.name()
              + "`"
              + end.status().map(s -> " (status " + s + ")").orElse("");
      case HANDOFF -> "hands off to cadence `" + end.name() + "`";
      case EVENT -> "ends on event `" + end.name() + "`";
      case COMPLETED -> "ends after its last step";
      case SUPPRESSED -> "never touched: do-not-contact";
    };
  }

  @Override
  public void close() {
    out.flush();
  }
}
