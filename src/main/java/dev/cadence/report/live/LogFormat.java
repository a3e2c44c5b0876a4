package dev.cadence.report.live;

import dev.cadence.io.log.OutcomeLog;
import dev.cadence.model.OutcomeEvent;
import dev.cadence.report.Json;
import java.io.IOException;
import java.io.Writer;

/**
 * How {@code cadence log --rebuild} writes the events: the outcome log itself (CSV), or a JSON list
 * with one object per event, keyed by the log's column names, for scripts that would rather not
 * parse CSV.
 */
public enum LogFormat {
  CSV,
  JSON;

  /** What comes before the first event. */
  public void start(Writer out) throws IOException {
    out.write(this == CSV ? OutcomeLog.HEADER + "\n" : "[");
  }

  /** One event; {@code first} for the first one written. */
  public void event(OutcomeEvent e, boolean first, Writer out) throws IOException {
    String line = OutcomeLog.line(e);
    if (this == CSV) {
      out.write(line);
      out.write('\n');
      return;
    }
    // The timestamp as the log writes it (at the lead's own offset); the values unescaped.
    String timestamp = line.substring(0, line.indexOf(','));
    out.write(first ? "\n" : ",\n");
    out.write(
        "{\"timestamp\": "
            + Json.string(timestamp)
            + ", \"lead_id\": "
            + Json.string(e.leadId())
            + ", \"cadence\": "
            + Json.string(e.cadence())
            + ", \"step\": "
            + Json.string(e.step())
            + ", \"channel\": "
            + Json.string(e.channel().yamlName())
            + ", \"template\": "
            + Json.string(e.template())
            + ", \"region\": "
            + Json.string(e.region())
            + ", \"event\": "
            + Json.string(e.event())
            + "}");
  }

  /** What comes after the last event; {@code empty} when there was none. */
  public void end(boolean empty, Writer out) throws IOException {
    if (this == JSON) {
      out.write(empty ? "]\n" : "\n]\n");
    }
  }
}
