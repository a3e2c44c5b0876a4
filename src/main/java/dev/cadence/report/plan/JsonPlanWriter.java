package dev.cadence.report.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cadence.engine.DefaultPath.Plan;
import dev.cadence.engine.Due;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;

/** The contract's list of {@code {"lead_id","cadence","step","channel","due"}}, due at the lead's offset. */
final class JsonPlanWriter implements PlanWriter {
  private final PrintWriter out;
  private final JsonGenerator json;

  JsonPlanWriter(PrintWriter out) {
    this.out = out;
    try {
      json = new JsonFactory().createGenerator(out);
      json.writeStartArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void write(Plan plan) {
    try {
      for (Due d : plan.touches()) {
        json.writeRaw("\n  ");
        json.writeStartObject();
        json.writeStringField("lead_id", plan.lead().id());
        json.writeStringField("cadence", plan.end().cadence());
        json.writeStringField("step", d.step().id());
        json.writeStringField("channel", d.step().channel().yamlName());
        json.writeStringField("due", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(d.at().atZone(plan.end().zone()).toOffsetDateTime()));
        json.writeNumberField("visit", d.visit());
        json.writeEndObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      json.writeRaw("\n");
      json.writeEndArray();
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }
}
