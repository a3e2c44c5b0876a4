package dev.cadence.report.simulate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cadence.model.Cadence;
import dev.cadence.model.Step;
import dev.cadence.simulate.SimulationStats;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The summary for scripts: {@code {"seed", "model", "start", "log", "leads", "rejected", "events",
 * "cadences": [{"cadence", "enrollments", "steps": [{"step", "channel", "touches", "responded",
 * "exits", "events": {EVENT: N}}]}], "ends": [{"cadence", "kind", "name", "count"}], "refused":
 * {"total", "by_step": [{"cadence", "step", "reason", "count"}]}, "capped", "waiting"}}.
 */
final class JsonSummary {
  private JsonSummary() {}

  static void render(SimulationReport r, PrintWriter out) {
    SimulationStats s = r.stats();
    // The generator must not close stdout: Main checks it for write errors after the command.
    try (JsonGenerator json =
        new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeNumberField("seed", r.seed());
      json.writeStringField("model", r.model());
      json.writeStringField("start", r.start());
      json.writeStringField("log", r.log());
      json.writeNumberField("leads", s.leads());
      json.writeNumberField("rejected", r.rejected());
      json.writeNumberField("events", s.events());
      json.writeArrayFieldStart("cadences");
      for (Cadence c : r.cadences()) {
        json.writeStartObject();
        json.writeStringField("cadence", c.id());
        json.writeNumberField("enrollments", s.enrollments().getOrDefault(c.id(), 0L));
        json.writeArrayFieldStart("steps");
        for (Step step : c.steps()) {
          SimulationStats.StepCounts n = s.counts(c.id(), step.id());
          json.writeStartObject();
          json.writeStringField("step", step.id());
          json.writeStringField("channel", step.channel().yamlName());
          json.writeNumberField("touches", n.touches());
          json.writeNumberField("responded", n.responded());
          json.writeNumberField("exits", n.exits());
          json.writeObjectFieldStart("events");
          for (Map.Entry<String, Long> e : n.events().entrySet()) {
            json.writeNumberField(e.getKey(), e.getValue());
          }
          json.writeEndObject();
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("ends");
      for (Map.Entry<SimulationStats.EndingKey, Long> e : r.endings()) {
        json.writeStartObject();
        json.writeStringField("cadence", e.getKey().cadence());
        json.writeStringField("kind", SimulationReport.kind(e.getKey().kind()));
        json.writeStringField("name", e.getKey().name());
        json.writeNumberField("count", e.getValue());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeObjectFieldStart("refused");
      json.writeNumberField("total", s.refusedTotal());
      json.writeArrayFieldStart("by_step");
      for (Map.Entry<SimulationStats.RefusalKey, Long> e : r.refusals()) {
        json.writeStartObject();
        json.writeStringField("cadence", e.getKey().cadence());
        json.writeStringField("step", e.getKey().step());
        json.writeStringField("reason", e.getKey().reason());
        json.writeNumberField("count", e.getValue());
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeNumberField("capped", s.capped());
      json.writeNumberField("waiting", s.waiting());
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }
}
