package dev.cadence.report.validate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.cadence.validate.Diagnostic;
import dev.cadence.validate.FileResult;
import dev.cadence.validate.ValidationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The contract's shape: {@code {"valid", "files": [{"path", "cadence", "diagnostics": [...]}]}}.
 */
final class JsonRenderer implements ValidationRenderer {
  @Override
  public void render(ValidationResult result, PrintWriter out) {
    try (JsonGenerator json =
        new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeBooleanField("valid", result.valid());
      json.writeArrayFieldStart("files");
      for (FileResult file : result.files()) {
        json.writeStartObject();
        json.writeStringField("path", file.path());
        json.writeStringField("cadence", file.cadence().orElse(null));
        json.writeArrayFieldStart("diagnostics");
        for (Diagnostic d : file.diagnostics()) {
          json.writeStartObject();
          json.writeStringField("severity", d.severity().label());
          json.writeStringField("code", d.code().id());
          json.writeStringField("message", d.message());
          json.writeNumberField("line", d.line());
          json.writeNumberField("column", d.column());
          json.writeEndObject();
        }
        json.writeEndArray();
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
