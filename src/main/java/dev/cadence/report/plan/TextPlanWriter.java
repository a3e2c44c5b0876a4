package dev.cadence.report.plan;

import dev.cadence.engine.DefaultPath.Plan;
import dev.cadence.engine.Due;
import dev.cadence.engine.Ending;
import java.io.PrintWriter;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** A small table per lead: when each touch of the default path falls due, in the lead's zone. */
final class TextPlanWriter implements PlanWriter {
  static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm xxx", Locale.ROOT);

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

  @Override
  public String render(Plan plan) {
    java.io.StringWriter text = new java.io.StringWriter();
    PrintWriter out = new PrintWriter(text);
    out.println("lead " + plan.lead().id() + " in " + plan.end().cadence() + " (" + plan.end().zone() + ")");
    out.println(String.format(Locale.ROOT, "  %3s  %4s  %-26s  %-24s  %s", "#", "day", "due", "step", "channel"));
    int n = 1;
    for (Due d : plan.touches()) {
      ZonedDateTime local = d.at().atZone(plan.end().zone());
      long day = ChronoUnit.DAYS.between(plan.end().enrolledOn(), local.toLocalDate()) + 1;
      // Padding by hand: String.format per row is the slowest part of a 100,000-lead plan.
      out.println("  " + left(String.valueOf(n++), 3) + "  " + left(String.valueOf(day), 4) + "  "
          + right(WHEN.format(local), 26) + "  " + right(d.step().id() + (d.visit() > 1 ? " (" + d.visit() + ")" : ""), 24)
          + "  " + d.step().channel().yamlName());
    }
    out.println("  " + ending(plan));
    out.flush();
    return text.toString();
  }

  private static String left(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }

  private static String right(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  static String ending(Plan plan) {
    if (plan.stop().isPresent()) {
      return plan.stop().get();
    }
    Ending end = plan.end().ending().orElseThrow();
    return switch (end.kind()) {
      case EXIT -> "ends in exit `" + end.name() + "`" + end.status().map(s -> " (status " + s + ")").orElse("");
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
