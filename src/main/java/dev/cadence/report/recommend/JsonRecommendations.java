package dev.cadence.report.recommend;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cadence.analytics.recommend.Recommendation;
import dev.cadence.io.CadenceChanges;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code recommend --format json}: {@code {"alpha", "min_n", "tests", "touches", "logs",
 * "recommendations": [...], "files": [...]}}. Each recommendation may carry {@code file} and {@code
 * line} (where to change it), {@code change} and {@code status} (proposed, planned, applied
 * already_done or refused, with a {@code reason}); {@code files} lists the changed files, with
 * their unified {@code diff} under --dry-run.
 */
final class JsonRecommendations {
  private JsonRecommendations() {}

  static void render(RecommendReport report, PrintWriter out) {
    try (JsonGenerator json =
        new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeArrayFieldStart("logs");
      for (String log : report.logs()) {
        json.writeString(log);
      }
      json.writeEndArray();
      json.writeNumberField("touches", report.touches());
      json.writeNumberField("alpha", report.result().settings().alpha());
      json.writeNumberField("min_n", report.result().settings().minN());
      json.writeNumberField("tests", report.result().tests());
      json.writeArrayFieldStart("recommendations");
      for (Recommendation r : report.result().items()) {
        json.writeStartObject();
        RecommendationJson.fields(r, json);
        var at = report.location(r);
        if (at.isPresent()) {
          json.writeStringField("file", at.get().file().toString());
          json.writeNumberField("line", at.get().line());
        }
        var outcome = report.outcome(r);
        if (outcome.isPresent() && outcome.get() instanceof CadenceChanges.Change c) {
          json.writeStringField("change", c.summary());
          json.writeStringField("status", report.changeStatus());
        } else if (outcome.isPresent() && outcome.get() instanceof CadenceChanges.AlreadyDone d) {
          json.writeStringField("status", "already_done");
          json.writeStringField("reason", d.note());
        } else if (outcome.isPresent()) {
          json.writeStringField("status", "refused");
          json.writeStringField("reason", ((CadenceChanges.Refusal) outcome.get()).reason());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("files");
      for (CadenceChanges.FileEdit edit :
          report.plan().map(CadenceChanges.Plan::changedFiles).orElse(List.of())) {
        json.writeStartObject();
        json.writeStringField("file", edit.file().toString());
        json.writeBooleanField("written", report.mode() == RecommendReport.Mode.APPLY);
        if (report.mode() == RecommendReport.Mode.DRY_RUN) {
          json.writeStringField(
              "diff", UnifiedDiff.of(edit.file().toString(), edit.before(), edit.after()));
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }
}
