package dev.cadence.report.live;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cadence.live.Recorder;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code cadence record --format json}: what was recorded, for scripts. One outcome is one object;
 * a CSV is an object with the counts and one entry per row, in file order. {@code result} is {@code
 * recorded} (events written), {@code unchanged} (recorded before: nothing written again) or {@code
 * refused} (with its {@code reason}).
 */
public final class RecordWriter {
  /** One outcome handled, at its location ({@code FILE:LINE} for a CSV row, empty for one). */
  public record Row(String location, Optional<Recorder.Applied> applied, Optional<String> refused) {
    public static Row recorded(String location, Recorder.Applied applied) {
      return new Row(location, Optional.of(applied), Optional.empty());
    }

    public static Row refused(String location, String reason) {
      return new Row(location, Optional.empty(), Optional.of(reason));
    }

    String result() {
      if (refused.isPresent()) {
        return "refused";
      }
      return applied.get().events().isEmpty() ? "unchanged" : "recorded";
    }
  }

  /** The rows of a CSV import as they come, for {@link #csv}. */
  public static final class Rows {
    private final List<Row> rows = new ArrayList<>();

    public void add(Row row) {
      rows.add(row);
    }
  }

  private RecordWriter() {}

  /** One outcome given with --lead, --step and --outcome. */
  public static void one(String lead, String step, String outcome, Row row, PrintWriter out) {
    LiveJson.write(
        out,
        g -> {
          g.writeStartObject();
          g.writeStringField("lead_id", lead);
          g.writeStringField("step", step);
          g.writeStringField("outcome", outcome);
          fields(g, row);
          g.writeEndObject();
        });
  }

  /** A CSV import: the counts, then every row. */
  public static void csv(
      String file, int recorded, int unchanged, int refused, Rows rows, PrintWriter out) {
    LiveJson.write(
        out,
        g -> {
          g.writeStartObject();
          g.writeStringField("csv", file);
          g.writeNumberField("recorded", recorded);
          g.writeNumberField("unchanged", unchanged);
          g.writeNumberField("refused", refused);
          g.writeArrayFieldStart("rows");
          for (Row row : rows.rows) {
            g.writeStartObject();
            g.writeStringField("location", row.location());
            fields(g, row);
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private static void fields(JsonGenerator g, Row row) throws IOException {
    g.writeStringField("result", row.result());
    if (row.refused().isPresent()) {
      g.writeStringField("reason", row.refused().get());
      return;
    }
    Recorder.Applied a = row.applied().get();
    g.writeStringField("cadence", a.cadence());
    LiveJson.stringOrNull(g, "status", Optional.of(a.status()).filter(s -> !s.isEmpty()));
    g.writeBooleanField("ended", a.ended());
    g.writeNumberField("events", a.events().size());
    LiveJson.strings(g, "warnings", a.notes());
  }
}
