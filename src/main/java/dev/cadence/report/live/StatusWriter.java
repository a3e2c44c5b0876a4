package dev.cadence.report.live;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cadence.live.SendRecord;
import dev.cadence.live.SendState;
import dev.cadence.live.StatusReport;
import dev.cadence.report.Count;
import dev.cadence.validate.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

/** {@code cadence status} as text for people or JSON for scripts. */
public final class StatusWriter {
  private StatusWriter() {}

  public static void text(StatusReport r, PrintWriter out) {
    if (r.cadences().isEmpty()) {
      out.println("no cadence in the store yet; `cadence enroll CADENCE --leads LEADS` adds one");
    }
    for (StatusReport.CadenceStatus c : r.cadences()) {
      out.println(
          c.id() + " (" + c.path() + ")" + c.refused().map(x -> "  NOT RUNNING: " + x).orElse(""));
      out.println(
          "  enrollments "
              + Count.of(c.enrollments())
              + ", active "
              + Count.of(c.active())
              + (c.paused() > 0 ? " (" + Count.of(c.paused()) + " paused)" : "")
              + (c.ended().isEmpty() ? "" : ", ended: " + join(c.ended())));
      if (!c.leadStatuses().isEmpty()) {
        out.println("  lead status: " + join(c.leadStatuses()));
      }
      out.println(
          String.format(
              "  %-24s %-9s %8s %8s %9s  %s",
              "step", "channel", "waiting", "awaiting", "performed", "sends"));
      for (StatusReport.StepStatus s : c.steps()) {
        StringBuilder sends = new StringBuilder();
        for (SendState st : SendState.values()) {
          Integer n = s.sends().get(st);
          if (n != null) {
            sends
                .append(sends.length() == 0 ? "" : ", ")
                .append(st.id())
                .append(' ')
                .append(Count.of(n));
          }
        }
        out.println(
            String.format(
                Locale.ROOT,
                "  %-24s %-9s %,8d %,8d %,9d  %s",
                s.step(),
                s.channel(),
                s.waiting(),
                s.awaitingOutcome(),
                s.performed(),
                sends));
      }
    }
    if (!r.paused().isEmpty()) {
      out.println();
      out.println("paused, the lead is away (" + r.paused().size() + "):");
      for (StatusReport.Paused p : r.paused()) {
        out.println(
            "  "
                + p.cadence()
                + "  lead "
                + Diagnostic.oneLine(p.leadId())
                + "  until "
                + p.until());
      }
    }
    if (!r.attention().isEmpty()) {
      out.println();
      out.println("sends that need a person (" + Count.of(r.attention().size()) + "):");
      for (SendRecord s : r.attention()) {
        out.println(
            "  "
                + s.state().id()
                + "  "
                + s.cadence()
                + "  lead "
                + Diagnostic.oneLine(s.leadId())
                + "  step "
                + s.step()
                + (s.recipient().isEmpty() ? "" : "  to " + Diagnostic.oneLine(s.recipient()))
                + s.startedAt().map(t -> "  at " + t).orElse("")
                + "  "
                + Diagnostic.oneLine(s.detail()));
      }
      if (r.attention().stream().anyMatch(s -> s.state() == SendState.IN_DOUBT)) {
        out.println(
            "settle each in-doubt send with `cadence resolve --lead L --step S --as sent|not-sent`");
      }
    }
    out.flush();
  }

  private static String join(Map<String, Integer> counts) {
    StringBuilder b = new StringBuilder();
    counts.forEach(
        (k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(Count.of(v)));
    return b.toString();
  }

  public static void json(StatusReport r, PrintWriter out) {
    try (JsonGenerator g =
        new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeArrayFieldStart("cadences");
      for (StatusReport.CadenceStatus c : r.cadences()) {
        g.writeStartObject();
        g.writeStringField("cadence", c.id());
        g.writeStringField("path", c.path());
        g.writeBooleanField("running", c.refused().isEmpty());
        if (c.refused().isPresent()) {
          g.writeStringField("refused", c.refused().get());
        }
        g.writeNumberField("enrollments", c.enrollments());
        g.writeNumberField("active", c.active());
        g.writeNumberField("paused", c.paused());
        counts(g, "ended", c.ended());
        counts(g, "lead_status", c.leadStatuses());
        g.writeArrayFieldStart("steps");
        for (StatusReport.StepStatus s : c.steps()) {
          g.writeStartObject();
          g.writeStringField("step", s.step());
          g.writeStringField("channel", s.channel());
          g.writeNumberField("waiting", s.waiting());
          g.writeNumberField("awaiting_outcome", s.awaitingOutcome());
          g.writeNumberField("performed", s.performed());
          g.writeObjectFieldStart("sends");
          for (SendState st : SendState.values()) {
            g.writeNumberField(st.id(), s.sends().getOrDefault(st, 0));
          }
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("attention");
      for (SendRecord s : r.attention()) {
        g.writeStartObject();
        g.writeStringField("state", s.state().id());
        g.writeStringField("cadence", s.cadence());
        g.writeStringField("lead_id", s.leadId());
        g.writeStringField("step", s.step());
        g.writeNumberField("visit", s.visit());
        g.writeStringField("recipient", s.recipient());
        g.writeStringField("message_id", s.messageId());
        g.writeNumberField("attempts", s.attempts());
        if (s.startedAt().isPresent()) {
          g.writeStringField("started_at", s.startedAt().get().toString());
        }
        g.writeStringField("detail", s.detail());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("paused");
      for (StatusReport.Paused p : r.paused()) {
        g.writeStartObject();
        g.writeStringField("cadence", p.cadence());
        g.writeStringField("lead_id", p.leadId());
        g.writeStringField("until", p.until().toString());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }

  private static void counts(JsonGenerator g, String name, Map<String, Integer> counts)
      throws IOException {
    g.writeObjectFieldStart(name);
    for (var e : counts.entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }
}
