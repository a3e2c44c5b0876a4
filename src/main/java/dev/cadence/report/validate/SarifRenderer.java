package dev.cadence.report.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cadence.validate.Code;
import dev.cadence.validate.Diagnostic;
import dev.cadence.validate.FileResult;
import dev.cadence.validate.Severity;
import dev.cadence.validate.ValidationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** SARIF 2.1.0 for code-scanning UIs: one run, a rule per diagnostic code, a result per finding. */
final class SarifRenderer implements ValidationRenderer {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  @Override
  public void render(ValidationResult result, PrintWriter out) {
    try (JsonGenerator json = new JsonFactory().createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("$schema", SCHEMA);
      json.writeStringField("version", "2.1.0");
      json.writeArrayFieldStart("runs");
      json.writeStartObject();
      json.writeObjectFieldStart("tool");
      json.writeObjectFieldStart("driver");
      json.writeStringField("name", "cadence");
      json.writeArrayFieldStart("rules");
      for (Code code : Code.values()) {
        json.writeStartObject();
        json.writeStringField("id", code.id());
        json.writeObjectFieldStart("shortDescription");
        json.writeStringField("text", code.summary());
        json.writeEndObject();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
      json.writeArrayFieldStart("results");
      for (FileResult file : result.files()) {
        for (Diagnostic d : file.diagnostics()) {
          result(json, d, result.strict());
        }
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.println();
    out.flush();
  }

  private static void result(JsonGenerator json, Diagnostic d, boolean strict) throws IOException {
    json.writeStartObject();
    json.writeStringField("ruleId", d.code().id());
    json.writeNumberField("ruleIndex", d.code().ordinal());
    json.writeStringField("level", d.severity() == Severity.ERROR || strict ? "error" : "warning");
    json.writeObjectFieldStart("message");
    json.writeStringField("text", d.message());
    json.writeEndObject();
    json.writeArrayFieldStart("locations");
    json.writeStartObject();
    json.writeObjectFieldStart("physicalLocation");
    json.writeObjectFieldStart("artifactLocation");
    json.writeStringField("uri", d.file().replace('\\', '/'));
    json.writeEndObject();
    if (d.line() > 0) {
      json.writeObjectFieldStart("region");
      json.writeNumberField("startLine", d.line());
      json.writeNumberField("startColumn", d.column());
      json.writeEndObject();
    }
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
  }
}
