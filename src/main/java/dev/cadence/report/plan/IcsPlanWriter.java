package dev.cadence.report.plan;

import dev.cadence.engine.DefaultPath.Plan;
import dev.cadence.engine.Due;
import dev.cadence.model.Channel;
import dev.cadence.model.Step;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An iCalendar (RFC 5545) file: an event per touch, with a reminder (VALARM) on calls, tasks and
 * meetings ("reminders can be set for phone calls"): the step's {@code reminder}, else 15 minutes.
 */
final class IcsPlanWriter implements PlanWriter {
  private static final Duration DEFAULT_REMINDER = Duration.ofMinutes(15);
  /** An event's text is about this long; sizing the builder up front saves growing it. */
  private static final int EVENT = 512;

  private final PrintWriter out;
  private final String stamp;

  IcsPlanWriter(PrintWriter out, Instant stamp) {
    this.out = out;
    this.stamp = TimeText.UTC_BASIC.format(stamp);
    StringBuilder head = new StringBuilder();
    Ics.line(head, "BEGIN:VCALENDAR");
    Ics.line(head, "VERSION:2.0");
    Ics.line(head, "PRODID:-//cadence//plan//EN");
    Ics.line(head, "CALSCALE:GREGORIAN");
    out.print(head);
  }

  @Override
  public void write(Plan plan, String rendered) {
    out.print(rendered);
  }

  /**
   * Each property's value is put together in {@code value}, escaped into {@code line} and folded
   * into {@code ics}: the same text as escaping and folding whole Strings, without making them.
   */
  @Override
  public String render(Plan plan) {
    StringBuilder ics = new StringBuilder(plan.touches().size() * EVENT);
    StringBuilder line = new StringBuilder(128);
    StringBuilder value = new StringBuilder(128);
    String lead = plan.lead().id();
    String cadence = plan.end().cadence();
    Optional<String> company = plan.lead().field("company");
    Optional<String> phone = plan.lead().phone();
    for (Due d : plan.touches()) {
      Step step = d.step();
      Channel channel = step.channel();
      Ics.line(ics, "BEGIN:VEVENT");
      value.setLength(0);
      value.append(lead).append('.').append(cadence).append('.').append(step.id()).append('.').append(d.visit()).append("@cadence");
      property(ics, line, "UID:", value);
      line.setLength(0);
      Ics.line(ics, line.append("DTSTAMP:").append(stamp));
      line.setLength(0);
      Ics.line(ics, TimeText.appendUtcBasic(line.append("DTSTART:"), d.at()));
      Ics.line(ics, "DURATION:PT15M");
      value.setLength(0);
      value.append(channel.yamlName()).append(' ').append(step.id()).append(" - lead ").append(lead);
      company.ifPresent(c -> value.append(" (").append(c).append(')'));
      property(ics, line, "SUMMARY:", value);
      value.setLength(0);
      value.append("Cadence ").append(cadence).append(", step ").append(step.id());
      step.script().ifPresent(s -> value.append(", script ").append(s));
      if (channel == Channel.CALL) {
        phone.ifPresent(p -> value.append(", phone ").append(p));
      }
      property(ics, line, "DESCRIPTION:", value);
      value.setLength(0);
      property(ics, line, "CATEGORIES:", value.append(channel.yamlName()));
      if (channel == Channel.CALL || channel == Channel.TASK || channel == Channel.MEETING) {
        Duration before = step.reminder().orElse(DEFAULT_REMINDER);
        Ics.line(ics, "BEGIN:VALARM");
        Ics.line(ics, "ACTION:DISPLAY");
        value.setLength(0);
        value.append("Reminder: ").append(channel.yamlName()).append(' ').append(step.id()).append(" - lead ").append(lead);
        property(ics, line, "DESCRIPTION:", value);
        line.setLength(0);
        Ics.line(ics, line.append("TRIGGER:-PT").append(before.toMinutes()).append('M'));
        Ics.line(ics, "END:VALARM");
      }
      Ics.line(ics, "END:VEVENT");
    }
    return ics.toString();
  }

  /** Appends the content line {@code name} + the TEXT value {@code value}, escaped and folded. */
  private static void property(StringBuilder ics, StringBuilder line, String name, CharSequence value) {
    line.setLength(0);
    Ics.line(ics, Ics.appendText(line.append(name), value));
  }

  @Override
  public void close() {
    StringBuilder tail = new StringBuilder();
    Ics.line(tail, "END:VCALENDAR");
    out.print(tail);
    out.flush();
  }
}
