package dev.cadence.report.plan;

import dev.cadence.engine.DefaultPath.Plan;
import dev.cadence.engine.Due;
import dev.cadence.report.Count;
import dev.cadence.schedule.ZoneOffsets;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A day-by-day agenda across leads ({@code --by day}): each touch under the day it falls on,
 * locally. A touch's line does not depend on the other touches, so each plan's lines are rendered
 * on the worker threads like the other formats' text; only filing them by day and sorting them
 * waits for the end. (A String.format per touch at the end, on one thread, was most of a big
 * agenda's time.)
 */
final class AgendaPlanWriter implements PlanWriter {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ROOT);

  /** What PrintWriter.println ends lines with, which this layout was first written with. */
  private static final String NL = System.lineSeparator();

  /** A line's text is about this long; sizing the builder up front saves growing it. */
  private static final int LINE = 72;

  /** The time column, {@code 09:00 +01:00}: "HH:mm xxx" is always 12 characters. */
  private static final int TIME_WIDTH = 12;

  /** A touch: when, and its line, {@code [start, end)} of its plan's rendered lines. */
  private record Item(Instant at, String lines, int start, int end) {}

  private final PrintWriter out;

  /** By local epoch day. */
  private final Map<Long, List<Item>> days = new TreeMap<>();

  AgendaPlanWriter(PrintWriter out) {
    this.out = out;
  }

  /**
   * One line per touch, in the plan's order: {@code " %s %-12s %-24s %s"} of time, lead, step,
   * channel.
   */
  @Override
  public String render(Plan plan) {
    ZoneOffsets zone = ZoneOffsets.of(plan.end().zone());
    String lead = plan.lead().id();
    StringBuilder s = new StringBuilder(plan.touches().size() * (LINE + lead.length()));
    for (Due d : plan.touches()) {
      int start = s.length();
      TimeText.appendTime(s.append("  "), TimeText.Local.of(d.at(), zone));
      if (s.length() - start != 2 + TIME_WIDTH) { // write() finds the lines by this width
        throw new IllegalStateException(
            "agenda time `" + s.substring(start) + "` is not " + TIME_WIDTH + " characters");
      }
      s.append("  ");
      int column = s.length();
      Padding.right(s.append(lead), column, 12).append("  ");
      column = s.length();
      Padding.right(s.append(d.step().id()), column, 24)
          .append("  ")
          .append(d.step().channel().yamlName())
          .append(NL);
    }
    return s.toString();
  }

  /**
   * Files each touch's line under its local day. A line ends at the first line break after the lead
   * id, which may hold line breaks of its own (a quoted CSV field); the id starts after the time.
   */
  @Override
  public void write(Plan plan, String rendered) {
    ZoneOffsets zone = ZoneOffsets.of(plan.end().zone());
    int afterLead = 2 + TIME_WIDTH + 2 + plan.lead().id().length();
    int start = 0;
    for (Due d : plan.touches()) {
      int end = rendered.indexOf(NL, start + afterLead) + NL.length();
      days.computeIfAbsent(TimeText.Local.of(d.at(), zone).epochDay(), k -> new ArrayList<>())
          .add(new Item(d.at(), rendered, start, end));
      start = end;
    }
  }

  @Override
  public void close() {
    StringBuilder s = new StringBuilder(1 << 16);
    days.forEach(
        (day, items) -> {
          s.append(DAY.format(LocalDate.ofEpochDay(day)))
              .append("  (")
              .append(Count.of(items.size(), "touch"))
              .append(')')
              .append(NL);
          // Stable: touches at the same instant keep the order in which the plan performs them.
          items.sort(Comparator.comparing(Item::at));
          for (Item i : items) {
            s.append(i.lines(), i.start(), i.end());
            if (s.length() >= 1 << 15) {
              out.append(s);
              s.setLength(0);
            }
          }
        });
    out.append(s);
    out.flush();
  }
}
