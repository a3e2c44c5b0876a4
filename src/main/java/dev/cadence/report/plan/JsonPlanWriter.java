package dev.cadence.report.plan;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cadence.engine.DefaultPath.Plan;
import dev.cadence.engine.Due;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** The contract's list of {@code {"lead_id","cadence","step","channel","due"}}, due at the lead's offset. */
final class JsonPlanWriter implements PlanWriter {
  private static final JsonFactory FACTORY = new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private final PrintWriter out;
  private boolean first = true;

  JsonPlanWriter(PrintWriter out) {
    this.out = out;
    out.print("[");
  }

  @Override
  public String render(Plan plan) {
    java.io.StringWriter text = new java.io.StringWriter();
    try (JsonGenerator one = FACTORY.createGenerator(text)) {
      one.setRootValueSeparator(null);
      boolean firstOfLead = true;
      for (Due d : plan.touches()) {
        one.writeRaw(firstOfLead ? "\n  " : ",\n  ");
        firstOfLead = false;
        one.writeStartObject();
        one.writeStringField("lead_id", plan.lead().id());
        one.writeStringField("cadence", plan.end().cadence());
        one.writeStringField("step", d.step().id());
        one.writeStringField("channel", d.step().channel().yamlName());
        one.writeStringField("due", IsoTime.format(d.at(), plan.end().zone()));
        one.writeNumberField("visit", d.visit());
        one.writeEndObject();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  @Override
  public void write(Plan plan, String rendered) {
    if (rendered.isEmpty()) {
      return;
    }
    out.print(first ? rendered : "," + rendered);
    first = false;
  }

  @Override
  public void close() {
    out.println(first ? "]" : "\n]");
    out.flush();
  }
}
