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
import java.nio.charset.StandardCharsets;

/** SARIF 2.1.0 for code-scanning UIs: one run, a rule per diagnostic code, a result per finding. */
final class SarifRenderer implements ValidationRenderer {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  @Override
  public void render(ValidationResult result, PrintWriter out) {
    try (JsonGenerator json =
        new JsonFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET).createGenerator(out)) {
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
    json.writeStringField("uri", uri(d.file()));
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

  /**
   * The file as an RFC 3986 URI reference, as SARIF requires: '/' separators, every byte outside
   * the unreserved set percent-encoded (a space or '%' in a path is otherwise an invalid URI),
   * relative paths kept relative so that code-scanning UIs resolve them against the checkout.
   */
  static String uri(String file) {
    String path = file.replace('\\', '/');
    StringBuilder out = new StringBuilder(path.length() + 8);
    // A Windows drive ("C:/...") would read as a URI scheme; make such a path a file URI.
    if (path.length() >= 3
        && path.charAt(1) == ':'
        && path.charAt(2) == '/'
        && isAsciiLetter(path.charAt(0))) {
      out.append("file:///").append(path, 0, 2);
      path = path.substring(2);
    }
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (isAsciiLetter(c)
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~'
          || c == '/') {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
      }
    }
    return out.toString();
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
