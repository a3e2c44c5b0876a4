package dev.cadence.report.plan;

import dev.cadence.engine.DefaultPath.Plan;
import dev.cadence.engine.Due;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A day-by-day agenda across leads ({@code --by day}): each touch under the day it falls on, locally. */
final class AgendaPlanWriter implements PlanWriter {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ROOT);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm xxx", Locale.ROOT);

  private record Item(ZonedDateTime at, String lead, String step, String channel) {}

  private final PrintWriter out;
  private final Map<LocalDate, List<Item>> days = new TreeMap<>();

  AgendaPlanWriter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public String render(Plan plan) {
    return null;
  }

  @Override
  public void write(Plan plan, String rendered) {
    for (Due d : plan.touches()) {
      ZonedDateTime local = d.at().atZone(plan.end().zone());
      days.computeIfAbsent(local.toLocalDate(), k -> new ArrayList<>())
          .add(new Item(local, plan.lead().id(), d.step().id(), d.step().channel().yamlName()));
    }
  }

  @Override
  public void close() {
    days.forEach((day, items) -> {
      out.println(DAY.format(day) + "  (" + items.size() + " touch" + (items.size() == 1 ? ")" : "es)"));
      items.stream()
          // Stable: touches at the same instant keep the order in which the plan performs them.
          .sorted(Comparator.comparing((Item i) -> i.at().toInstant()))
          .forEach(i -> out.println(String.format(Locale.ROOT, "  %s  %-12s  %-24s  %s", TIME.format(i.at()), i.lead(), i.step(), i.channel())));
    });
    out.flush();
  }
}
