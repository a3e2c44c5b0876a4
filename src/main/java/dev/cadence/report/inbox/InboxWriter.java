package dev.cadence.report.inbox;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cadence.inbox.FailedRecipient;
import dev.cadence.inbox.InboxResult;
import dev.cadence.inbox.Verdict;
import dev.cadence.report.Count;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cadence inbox} as text for people (a line per message, then the counts per kind) or as the
 * contract's JSON list: one object per message, in input order, with exactly the keys {@code
 * source, message_id, kind, recipients, until, lead_id, cadence, step, action, reason}.
 */
public final class InboxWriter {
  /** The kinds in the order the summary counts them. */
  public static final List<String> KINDS =
      List.of(
          "bounce", "delivery_report", "complaint", "auto_reply", "unsubscribe", "reply", "other");

  private InboxWriter() {}

  public static void json(List<InboxResult> results, PrintWriter out) {
    try (JsonGenerator g =
        new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
      g.useDefaultPrettyPrinter();
      g.writeStartArray();
      for (InboxResult r : results) {
        g.writeStartObject();
        g.writeStringField("source", r.source());
        nullable(g, "message_id", r.messageId());
        g.writeStringField("kind", r.verdict().kind());
        g.writeArrayFieldStart("recipients");
        for (FailedRecipient f : recipients(r.verdict())) {
          g.writeStartObject();
          g.writeStringField("address", f.address());
          nullable(g, "status", f.status());
          g.writeStringField("class", f.bounceClass().word());
          g.writeEndObject();
        }
        g.writeEndArray();
        nullable(g, "until", until(r.verdict()).map(Object::toString));
        nullable(g, "lead_id", r.leadId());
        nullable(g, "cadence", r.cadence());
        nullable(g, "step", r.step());
        g.writeStringField("action", r.action());
        g.writeStringField("reason", r.verdict().reason());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
  }

  /** One line per message, then the counts; {@code quiet} (for cron) prints nothing. */
  public static void text(List<InboxResult> results, PrintWriter out, boolean quiet) {
    if (quiet) {
      return;
    }
    for (InboxResult r : results) {
      StringBuilder line = new StringBuilder();
      line.append(r.source()).append("  ").append(r.verdict().kind());
      for (FailedRecipient f : recipients(r.verdict())) {
        line.append("  ")
            .append(f.address())
            .append(' ')
            .append(f.status().orElse("-"))
            .append(' ')
            .append(f.bounceClass().word());
      }
      until(r.verdict()).ifPresent(u -> line.append("  until ").append(u));
      r.leadId().ifPresent(l -> line.append("  lead ").append(l));
      line.append("  -> ").append(r.action()).append("  [").append(r.verdict().reason());
      out.println(line.append(']'));
    }
    out.println(summary(results));
    out.flush();
  }

  /** "12 messages: bounce 3, auto_reply 2, ...", kinds with none left out. */
  public static String summary(List<InboxResult> results) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    KINDS.forEach(k -> counts.put(k, 0));
    results.forEach(r -> counts.merge(r.verdict().kind(), 1, Integer::sum));
    StringBuilder s = new StringBuilder();
    s.append(Count.of(results.size(), "message"));
    String sep = ": ";
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      if (e.getValue() > 0) {
        s.append(sep).append(e.getKey()).append(' ').append(Count.of(e.getValue()));
        sep = ", ";
      }
    }
    return s.toString();
  }

  private static List<FailedRecipient> recipients(Verdict verdict) {
    return verdict instanceof Verdict.Bounce b ? b.recipients() : List.of();
  }

  private static Optional<LocalDate> until(Verdict verdict) {
    return verdict instanceof Verdict.AutoReply a ? a.until() : Optional.empty();
  }

  private static void nullable(JsonGenerator g, String name, Optional<String> value)
      throws IOException {
    if (value.isPresent()) {
      g.writeStringField(name, value.get());
    } else {
      g.writeNullField(name);
    }
  }
}
