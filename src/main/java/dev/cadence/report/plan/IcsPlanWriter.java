package dev.cadence.report.plan;

import dev.cadence.engine.DefaultPath.Plan;
import dev.cadence.engine.Due;
import dev.cadence.model.Channel;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line("PRODID:-//cadence//plan//EN");
    line("CALSCALE:GREGORIAN");
  }

  @Override
  public void write(Plan plan) {
    for (Due d : plan.touches()) {
      Channel channel = d.step().channel();
      line("BEGIN:VEVENT");
      line("UID:" + text(plan.lead().id() + "." + plan.end().cadence() + "." + d.step().id() + "." + d.visit() + "@cadence"));
      line("DTSTAMP:" + stamp);
      line("DTSTART:" + UTC.format(d.at()));
      line("DURATION:PT15M");
      line("SUMMARY:" + text(channel.yamlName() + " " + d.step().id() + " - lead " + plan.lead().id()
          + plan.lead().field("company").map(c -> " (" + c + ")").orElse("")));
      line("DESCRIPTION:" + text("Cadence " + plan.end().cadence() + ", step " + d.step().id()
          + d.step().script().map(s -> ", script " + s).orElse("")
          + plan.lead().phone().filter(p -> channel == Channel.CALL).map(p -> ", phone " + p).orElse("")));
      line("CATEGORIES:" + text(channel.yamlName()));
      if (channel == Channel.CALL || channel == Channel.TASK || channel == Channel.MEETING) {
        Duration before = d.step().reminder().orElse(DEFAULT_REMINDER);
        line("BEGIN:VALARM");
        line("ACTION:DISPLAY");
        line("DESCRIPTION:" + text("Reminder: " + channel.yamlName() + " " + d.step().id() + " - lead " + plan.lead().id()));
        line("TRIGGER:-PT" + before.toMinutes() + "M");
        line("END:VALARM");
      }
      line("END:VEVENT");
    }
  }

  @Override
  public void close() {
    line("END:VCALENDAR");
    out.flush();
  }

  /** Escapes TEXT values (RFC 5545 3.3.11). */
  static String text(String s) {
    return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
  }

  /** Writes a content line with CRLF, folded at 75 octets without splitting a UTF-8 character. */
  private void line(String content) {
    StringBuilder folded = new StringBuilder();
    int octets = 0;
    for (int i = 0; i < content.length(); ) {
      int cp = content.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > 75) {
        folded.append("\r\n ");
        octets = 1;
      }
      folded.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    out.print(folded.append("\r\n"));
  }
}
