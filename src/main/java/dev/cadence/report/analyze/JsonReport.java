package dev.cadence.report.analyze;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cadence.analytics.Analysis;
import dev.cadence.analytics.DataQuality;
import dev.cadence.analytics.ReportTable;
import dev.cadence.analytics.Rollups;
import dev.cadence.analytics.recommend.Recommendation;
import dev.cadence.analytics.recommend.Recommender;
import dev.cadence.report.recommend.RecommendationJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.Column;

/**
 * The analysis for scripts: the contract's keys (section 5: {@code open_rate_by_region}, {@code
 * open_rate_by_region_template}, {@code response_rate_by_gap}, {@code
 * response_rate_by_position_channel}, {@code recommendations}) plus {@code summary}, {@code funnel}
 * and {@code data_quality}. Each table is a list of objects keyed by its column names; a rate of an
 * empty sample and the gap of a first touch are {@code null}.
 */
final class JsonReport {
  private JsonReport() {}

  static void render(Analysis a, List<ReportTable> tables, PrintWriter out) {
    try (JsonGenerator json =
        new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      summary(a, json);
      for (ReportTable t : tables) {
        json.writeFieldName(t.name());
        rows(t, json);
      }
      quality(a, json);
      recommendations(a, json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }

  /**
   * What {@code cadence recommend} says of these touches, with analyze's --alpha, --min-n and
   * --drop-below.
   */
  private static void recommendations(Analysis a, JsonGenerator json) throws IOException {
    json.writeArrayFieldStart("recommendations");
    for (Recommendation r : Recommender.recommend(a.cube().cells(), List.of(), a.tests()).items()) {
      json.writeStartObject();
      RecommendationJson.fields(r, json);
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  /** The tables a JSON report holds by default: every metric (the cube only when asked for). */
  static List<ReportTable> defaultTables(Analysis a) {
    return a.tables().stream().filter(t -> !t.name().equals(Rollups.CUBE)).toList();
  }

  private static void summary(Analysis a, JsonGenerator json) throws IOException {
    Analysis.Summary s = a.summary();
    json.writeObjectFieldStart("summary");
    json.writeArrayFieldStart("files");
    for (Analysis.FileSummary f : a.files()) {
      json.writeStartObject();
      json.writeStringField("file", f.source());
      json.writeNumberField("lines", f.records());
      json.writeNumberField("events", f.events());
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeNumberField("lines", s.records());
    json.writeNumberField("events", s.events());
    json.writeNumberField("skipped", s.skipped());
    json.writeNumberField("touches", s.touches());
    json.writeNumberField("leads", s.leads());
    json.writeArrayFieldStart("where");
    for (String w : s.where()) {
      json.writeString(w);
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  static void rows(ReportTable t, JsonGenerator json) throws IOException {
    json.writeStartArray();
    for (int r = 0; r < t.rows(); r++) {
      json.writeStartObject();
      for (Column<?> c : t.table().columns()) {
        json.writeFieldName(c.name());
        if (c.isMissing(r)) {
          json.writeNull();
        } else if (c.type() == ColumnType.STRING) {
          json.writeString(c.getString(r));
        } else if (c.type() == ColumnType.DOUBLE) {
          double v = ((Number) c.get(r)).doubleValue();
          if (Double.isNaN(v)) {
            json.writeNull();
          } else {
            json.writeNumber(Math.round(v * 1e6) / 1e6);
          }
        } else {
          json.writeNumber(((Number) c.get(r)).longValue());
        }
      }
      json.writeEndObject();
    }
    json.writeEndArray();
  }

  private static void quality(Analysis a, JsonGenerator json) throws IOException {
    json.writeObjectFieldStart("data_quality");
    json.writeArrayFieldStart("unusable_files");
    for (String p : a.problems()) {
      json.writeString(p);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("findings");
    for (DataQuality.Finding f : a.findings()) {
      json.writeStartObject();
      json.writeStringField("code", f.issue().code());
      json.writeStringField("effect", f.issue().effect().name().toLowerCase(Locale.ROOT));
      json.writeStringField("description", f.issue().description());
      json.writeNumberField("count", f.count());
      json.writeArrayFieldStart("examples");
      for (DataQuality.Example e : f.examples()) {
        json.writeStartObject();
        json.writeStringField("file", e.source());
        json.writeNumberField("line", e.line());
        json.writeStringField("detail", e.detail());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }
}
