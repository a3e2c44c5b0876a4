package dev.cadence.report.plan;

import dev.cadence.engine.DefaultPath.Plan;
import dev.cadence.engine.Due;
import dev.cadence.model.Channel;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An iCalendar (RFC 5545) file: an event per touch, with a reminder (VALARM) on calls, tasks and
 * meetings ("reminders can be set for phone calls"): the step's {@code reminder}, else 15 minutes.
 */
final class IcsPlanWriter implements PlanWriter {
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Duration DEFAULT_REMINDER = Duration.ofMinutes(15);

  private final PrintWriter out;
  private final String stamp;

  IcsPlanWriter(PrintWriter out, Instant stamp) {
    this.out = out;
    this.stamp = UTC.format(stamp);
    StringBuilder head = new StringBuilder();
    line(head, "BEGIN:VCALENDAR");
    line(head, "VERSION:2.0");
    line(head, "PRODID:-//cadence//plan//EN");
    line(head, "CALSCALE:GREGORIAN");
    out.print(head);
  }

  @Override
  public void write(Plan plan, String rendered) {
    out.print(rendered);
  }

  @Override
  public String render(Plan plan) {
    StringBuilder ics = new StringBuilder();
    for (Due d : plan.touches()) {
      Channel channel = d.step().channel();
      line(ics, "BEGIN:VEVENT");
      line(ics, "UID:" + text(plan.lead().id() + "." + plan.end().cadence() + "." + d.step().id() + "." + d.visit() + "@cadence"));
      line(ics, "DTSTAMP:" + stamp);
      line(ics, "DTSTART:" + UTC.format(d.at()));
      line(ics, "DURATION:PT15M");
      line(ics, "SUMMARY:" + text(channel.yamlName() + " " + d.step().id() + " - lead " + plan.lead().id()
          + plan.lead().field("company").map(c -> " (" + c + ")").orElse("")));
      line(ics, "DESCRIPTION:" + text("Cadence " + plan.end().cadence() + ", step " + d.step().id()
          + d.step().script().map(s -> ", script " + s).orElse("")
          + plan.lead().phone().filter(p -> channel == Channel.CALL).map(p -> ", phone " + p).orElse("")));
      line(ics, "CATEGORIES:" + text(channel.yamlName()));
      if (channel == Channel.CALL || channel == Channel.TASK || channel == Channel.MEETING) {
        Duration before = d.step().reminder().orElse(DEFAULT_REMINDER);
        line(ics, "BEGIN:VALARM");
        line(ics, "ACTION:DISPLAY");
        line(ics, "DESCRIPTION:" + text("Reminder: " + channel.yamlName() + " " + d.step().id() + " - lead " + plan.lead().id()));
        line(ics, "TRIGGER:-PT" + before.toMinutes() + "M");
        line(ics, "END:VALARM");
      }
      line(ics, "END:VEVENT");
    }
    return ics.toString();
  }

  @Override
  public void close() {
    StringBuilder tail = new StringBuilder();
    line(tail, "END:VCALENDAR");
    out.print(tail);
    out.flush();
  }

  static String text(String s) {
    return Ics.text(s);
  }

  private static void line(StringBuilder ics, String content) {
    Ics.line(ics, content);
  }
}
