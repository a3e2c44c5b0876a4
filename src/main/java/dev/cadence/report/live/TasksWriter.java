package dev.cadence.report.live;

import dev.cadence.io.log.OutcomeLog;
import dev.cadence.live.Tasks.Task;
import dev.cadence.model.Channel;
import dev.cadence.report.plan.Ics;
import dev.cadence.report.plan.IsoTime;
import dev.cadence.validate.Diagnostic;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code cadence tasks} as a text list, CSV, or an iCalendar file with a reminder per call, task
 * and meeting.
 */
public final class TasksWriter {
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Duration DEFAULT_REMINDER = Duration.ofMinutes(15);
  public static final String CSV_HEADER =
      "due,owner,channel,lead_id,first_name,last_name,company,phone,email,cadence,step,visit,"
          + "script,state";

  private TasksWriter() {}

  /** The text list's columns; the last holds the lead and what else the rep needs, unpadded. */
  private static final List<String> TEXT_HEADER = List.of("due", "owner", "step", "lead");

  /**
   * One line per task under a header, the columns padded to their widest cell: due, owner, step
   * (channel and id), then the lead with its name, company, phone, script and cadence.
   */
  public static void text(List<Task> tasks, PrintWriter out) {
    if (tasks.isEmpty()) {
      out.println("no task");
      out.flush();
      return;
    }
    List<List<String>> rows = new ArrayList<>(tasks.size() + 1);
    rows.add(TEXT_HEADER);
    for (Task t : tasks) {
      rows.add(textRow(t));
    }
    int[] widths = new int[TEXT_HEADER.size() - 1];
    for (List<String> row : rows) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], row.get(c).length());
      }
    }
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < widths.length; c++) {
        line.append(row.get(c)).append(" ".repeat(widths[c] - row.get(c).length() + 2));
      }
      out.println(line.append(row.get(widths.length)));
    }
    out.flush();
  }

  private static List<String> textRow(Task t) {
    String who =
        String.join(
                " ",
                t.lead().field("first_name").orElse(""),
                t.lead().field("last_name").orElse(""))
            .strip();
    String lead =
        Diagnostic.oneLine(t.lead().id())
            + (who.isEmpty() ? "" : " " + Diagnostic.oneLine(who))
            + t.lead().field("company").map(c -> " (" + Diagnostic.oneLine(c) + ")").orElse("")
            + (t.step().channel() == Channel.CALL
                ? t.lead().phone().map(p -> "  phone " + Diagnostic.oneLine(p)).orElse("")
                : "")
            + t.step().script().map(s -> "  script " + s).orElse("")
            + (t.awaitingOutcome() ? "  (started, waiting for its outcome)" : "")
            + "  ["
            + t.cadence()
            + "]";
    return List.of(
        Diagnostic.oneLine(t.due().atZone(t.zone()).toOffsetDateTime().toString()),
        t.owner().isEmpty() ? "(no owner)" : Diagnostic.oneLine(t.owner()),
        t.step().channel().yamlName() + " " + t.step().id(),
        lead);
  }

  public static void csv(List<Task> tasks, PrintWriter out) {
    out.print(CSV_HEADER + "\n");
    for (Task t : tasks) {
      String[] cells = {
        // With seconds, always (2026-12-01T08:00:00+11:00): a time without them is ISO-8601, but
        // readers such as DuckDB take only the full form for a timestamp.
        IsoTime.format(t.due(), t.zone()),
        t.owner(),
        t.step().channel().yamlName(),
        t.lead().id(),
        t.lead().field("first_name").orElse(""),
        t.lead().field("last_name").orElse(""),
        t.lead().field("company").orElse(""),
        t.lead().phone().orElse(""),
        t.lead().email().orElse(""),
        t.cadence(),
        t.step().id(),
        String.valueOf(t.visit()),
        t.step().script().orElse(""),
        t.awaitingOutcome() ? "started" : "due"
      };
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cells.length; i++) {
        line.append(i == 0 ? "" : ",").append(OutcomeLog.cell(cells[i]));
      }
      out.print(line.append('\n'));
    }
    out.flush();
  }

  /**
   * A JSON list, one object per task with the CSV's columns as keys: {@code visit} a number, a
   * field the lead does not have null.
   */
  public static void json(List<Task> tasks, PrintWriter out) {
    LiveJson.write(
        out,
        g -> {
          g.writeStartArray();
          for (Task t : tasks) {
            g.writeStartObject();
            g.writeStringField("due", IsoTime.format(t.due(), t.zone()));
            LiveJson.stringOrNull(g, "owner", Optional.of(t.owner()).filter(o -> !o.isEmpty()));
            g.writeStringField("channel", t.step().channel().yamlName());
            g.writeStringField("lead_id", t.lead().id());
            LiveJson.stringOrNull(g, "first_name", t.lead().field("first_name"));
            LiveJson.stringOrNull(g, "last_name", t.lead().field("last_name"));
            LiveJson.stringOrNull(g, "company", t.lead().field("company"));
            LiveJson.stringOrNull(g, "phone", t.lead().phone());
            LiveJson.stringOrNull(g, "email", t.lead().email());
            g.writeStringField("cadence", t.cadence());
            g.writeStringField("step", t.step().id());
            g.writeNumberField("visit", t.visit());
            LiveJson.stringOrNull(g, "script", t.step().script());
            g.writeStringField("state", t.awaitingOutcome() ? "started" : "due");
            g.writeEndObject();
          }
          g.writeEndArray();
        });
  }

  public static void ics(List<Task> tasks, Instant stamp, PrintWriter out) {
    StringBuilder ics = new StringBuilder();
    Ics.line(ics, "BEGIN:VCALENDAR");
    Ics.line(ics, "VERSION:2.0");
    Ics.line(ics, "PRODID:-//cadence//tasks//EN");
    Ics.line(ics, "CALSCALE:GREGORIAN");
    for (Task t : tasks) {
      Channel channel = t.step().channel();
      String what =
          channel.yamlName()
              + " "
              + t.step().id()
              + " - lead "
              + t.lead().id()
              + t.lead().field("company").map(c -> " (" + c + ")").orElse("");
      Ics.line(ics, "BEGIN:VEVENT");
      Ics.line(
          ics,
          "UID:"
              + Ics.text(
                  t.lead().id()
                      + "."
                      + t.cadence()
                      + "."
                      + t.step().id()
                      + "."
                      + t.visit()
                      + "@cadence"));
      Ics.line(ics, "DTSTAMP:" + UTC.format(stamp));
      Ics.line(ics, "DTSTART:" + UTC.format(t.due()));
      Ics.line(ics, "DURATION:PT15M");
      Ics.line(ics, "SUMMARY:" + Ics.text(what));
      Ics.line(
          ics,
          "DESCRIPTION:"
              + Ics.text(
                  "Cadence "
                      + t.cadence()
                      + ", step "
                      + t.step().id()
                      + t.step().script().map(s -> ", script " + s).orElse("")
                      + t.lead()
                          .phone()
                          .filter(p -> channel == Channel.CALL)
                          .map(p -> ", phone " + p)
                          .orElse("")
                      + ". Record the result with: cadence record --lead "
                      + t.lead().id()
                      + " --step "
                      + t.step().id()
                      + " --outcome ..."));
      Ics.line(ics, "CATEGORIES:" + Ics.text(channel.yamlName()));
      if (!t.owner().isEmpty()) {
        Ics.line(ics, "X-CADENCE-OWNER:" + Ics.text(t.owner()));
      }
      Duration before = t.step().reminder().orElse(DEFAULT_REMINDER);
      Ics.line(ics, "BEGIN:VALARM");
      Ics.line(ics, "ACTION:DISPLAY");
      Ics.line(ics, "DESCRIPTION:" + Ics.text("Reminder: " + what));
      Ics.line(ics, "TRIGGER:-PT" + before.toMinutes() + "M");
      Ics.line(ics, "END:VALARM");
      Ics.line(ics, "END:VEVENT");
    }
    Ics.line(ics, "END:VCALENDAR");
    out.print(ics);
    out.flush();
  }
}
