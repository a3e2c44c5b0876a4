package dev.cadence.report.live;

import java.io.PrintWriter;
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
}
