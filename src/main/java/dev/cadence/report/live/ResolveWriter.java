package dev.cadence.report.live;

import dev.cadence.live.SendRecord;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * {@code cadence resolve --format json}: the send settled, or why it was not. {@code as} is the
 * verdict given ({@code sent} or {@code not-sent}); a refusal has {@code settled: false} and its
 * {@code reason}.
 */
public final class ResolveWriter {
  private ResolveWriter() {}

  public static void json(
      String lead,
      String step,
      Optional<String> cadence,
      String verdict,
      Optional<String> refused,
      PrintWriter out) {
    LiveJson.write(
        out,
        g -> {
          g.writeStartObject();
          LiveJson.stringOrNull(g, "cadence", cadence);
          g.writeStringField("lead_id", lead);
          g.writeStringField("step", step);
          g.writeStringField("as", verdict);
          g.writeBooleanField("settled", refused.isEmpty());
          if (refused.isPresent()) {
            g.writeStringField("reason", refused.get());
          }
          g.writeEndObject();
        });
  }

  /**
   * Many sends settled at once: {@code {"as", "dry_run", "settled": [{cadence, lead_id, step,
   * visit, handed_over}], "refused": [reason]}}.
   */
  public static void json(
      List<SendRecord> settled,
      String verdict,
      boolean dryRun,
      List<String> refused,
      PrintWriter out) {
    LiveJson.write(
        out,
        g -> {
          g.writeStartObject();
          g.writeStringField("as", verdict);
          g.writeBooleanField("dry_run", dryRun);
          g.writeArrayFieldStart("settled");
          for (SendRecord s : settled) {
            g.writeStartObject();
            g.writeStringField("cadence", s.cadence());
            g.writeStringField("lead_id", s.leadId());
            g.writeStringField("step", s.step());
            g.writeNumberField("visit", s.visit());
            LiveJson.stringOrNull(g, "handed_over", s.startedAt().map(Object::toString));
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeArrayFieldStart("refused");
          for (String why : refused) {
            g.writeString(why);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }
}
