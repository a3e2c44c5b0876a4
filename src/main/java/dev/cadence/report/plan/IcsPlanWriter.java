package dev.cadence.report.plan;

import dev.cadence.engine.DefaultPath.Plan;
import dev.cadence.engine.Due;
import dev.cadence.model.Channel;
import dev.cadence.model.Step;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An iCalendar (RFC 5545) file: an event per touch, with a reminder (VALARM) on calls, tasks and
 * meetings ("reminders can be set for phone calls"): the step's {@code reminder}, else 15 minutes.
 *
 * <p>An event is mostly the same text for every lead: that text is escaped once per step ({@link
 * StepText}), the lead's own values once per lead, and each touch only joins and folds them. TEXT
 * escaping maps character by character, so escaping the pieces gives the escaped whole: no piece
 * ends with a CR that the next one's LF would pair with (the constant pieces are ids and words).
 */
final class IcsPlanWriter implements PlanWriter {
  private static final Duration DEFAULT_REMINDER = Duration.ofMinutes(15);

  /** An event's text is about this long; sizing the builder up front saves growing it. */
  private static final int EVENT = 512;

  private final PrintWriter out;
  private final String stamp;

  /** By step id; an entry is used only for the very step (and cadence) it was made for. */
  private final Map<String, StepText> steps = new ConcurrentHashMap<>();

  IcsPlanWriter(PrintWriter out, Instant stamp) {
    this.out = out;
    this.stamp = "DTSTAMP:" + TimeText.UTC_BASIC.format(stamp) + "\r\n";
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
   * The text of an event that depends on its step only, escaped; the lead's values go between.
   *
   * @param ascii whether every piece is ASCII (then so is a line of them and the lead's ASCII
   *     values)
   */
  private record StepText(
      Step step,
      String cadence,
      String uidTail,
      String summary,
      String description,
      boolean callPhone,
      String middle,
      String reminder,
      String tail,
      boolean ascii) {
    static StepText of(Step step, String cadence) {
      Channel channel = step.channel();
      boolean alarm =
          channel == Channel.CALL || channel == Channel.TASK || channel == Channel.MEETING;
      StringBuilder middle = new StringBuilder();
      Ics.line(middle, "CATEGORIES:" + Ics.text(channel.yamlName()));
      StringBuilder tail = new StringBuilder();
      if (alarm) {
        Ics.line(middle, "BEGIN:VALARM");
        Ics.line(middle, "ACTION:DISPLAY");
        Ics.line(tail, "TRIGGER:-PT" + step.reminder().orElse(DEFAULT_REMINDER).toMinutes() + "M");
        Ics.line(tail, "END:VALARM");
      }
      Ics.line(tail, "END:VEVENT");
      String uidTail = Ics.text("." + cadence + "." + step.id() + ".");
      String summary = "SUMMARY:" + Ics.text(channel.yamlName() + " " + step.id() + " - lead ");
      String description =
          "DESCRIPTION:"
              + Ics.text(
                  "Cadence "
                      + cadence
                      + ", step "
                      + step.id()
                      + step.script().map(s -> ", script " + s).orElse(""));
      String reminder =
          alarm
              ? "DESCRIPTION:"
                  + Ics.text("Reminder: " + channel.yamlName() + " " + step.id() + " - lead ")
              : "";
      boolean ascii =
          Ics.isAscii(uidTail)
              && Ics.isAscii(summary)
              && Ics.isAscii(description)
              && Ics.isAscii(reminder);
      return new StepText(
          step,
          cadence,
          uidTail,
          summary,
          description,
          channel == Channel.CALL,
          middle.toString(),
          alarm ? reminder : null,
          tail.toString(),
          ascii);
    }
  }

  @Override
  public String render(Plan plan) {
    StringBuilder ics = new StringBuilder(plan.touches().size() * EVENT);
    StringBuilder line = new StringBuilder(128);
    String lead = Ics.text(plan.lead().id());
    String company = plan.lead().field("company").map(c -> " (" + Ics.text(c) + ")").orElse("");
    String phone = plan.lead().phone().map(p -> Ics.text(", phone " + p)).orElse("");
    boolean leadAscii = Ics.isAscii(lead) && Ics.isAscii(company) && Ics.isAscii(phone);
    String cadence = plan.end().cadence();
    for (Due d : plan.touches()) {
      StepText step = stepText(d.step(), cadence);
      boolean ascii = leadAscii && step.ascii();
      ics.append("BEGIN:VEVENT\r\n");
      line.setLength(0);
      Ics.line(
          ics,
          line.append("UID:")
              .append(lead)
              .append(step.uidTail())
              .append(d.visit())
              .append("@cadence"),
          ascii);
      ics.append(stamp).append("DTSTART:");
      TimeText.appendUtcBasic(ics, d.at()).append("\r\nDURATION:PT15M\r\n");
      line.setLength(0);
      Ics.line(ics, line.append(step.summary()).append(lead).append(company), ascii);
      line.setLength(0);
      Ics.line(ics, line.append(step.description()).append(step.callPhone() ? phone : ""), ascii);
      ics.append(step.middle());
      if (step.reminder() != null) {
        line.setLength(0);
        Ics.line(ics, line.append(step.reminder()).append(lead), ascii);
      }
      ics.append(step.tail());
    }
    return ics.toString();
  }

  private StepText stepText(Step step, String cadence) {
    StepText known = steps.get(step.id());
    if (known != null && known.step() == step && known.cadence().equals(cadence)) {
      return known;
    }
    StepText made = StepText.of(step, cadence);
    steps.put(step.id(), made);
    return made;
  }

  @Override
  public void close() {
    StringBuilder tail = new StringBuilder();
    Ics.line(tail, "END:VCALENDAR");
    out.print(tail);
    out.flush();
  }
}
