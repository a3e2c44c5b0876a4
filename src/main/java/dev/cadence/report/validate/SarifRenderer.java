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
import java.nio.file.Path;

/**
 * SARIF 2.1.0 for code-scanning UIs: one run, a rule per diagnostic code, a result per finding.
 * Written to what GitHub code scanning requires of a log (rules with a full description and help, a
 * region on every result, paths relative to the checkout) and to the SARIF validator's rules.
 */
final class SarifRenderer implements ValidationRenderer {
  static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  /** The tool's version, as {@code cadence --version} prints it. */
  static final String TOOL_VERSION = "0.1.0";

  /** Where the tool is described; the same home as the cadence schema's {@code $id}. */
  static final String INFORMATION_URI = "https://cadence.dev/";

  private final ArtifactUris uris;

  /** Paths relative to the working directory, where the command was run. */
  SarifRenderer() {
    this(Path.of(""));
  }

  SarifRenderer(Path workingDirectory) {
    this.uris = new ArtifactUris(workingDirectory);
  }

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
      json.writeStringField("version", TOOL_VERSION);
      json.writeStringField("informationUri", INFORMATION_URI);
      json.writeArrayFieldStart("rules");
      for (Code code : Code.values()) {
        rule(json, code);
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
      json.writeObjectFieldStart("originalUriBaseIds");
      json.writeObjectFieldStart(ArtifactUris.BASE_ID);
      json.writeStringField("uri", uris.rootUri());
      json.writeObjectFieldStart("description");
      json.writeStringField("text", "The directory validate was run in.");
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndObject();
      // Columns count code points, as the YAML reader does; without this, consumers assume UTF-16
      // code units and point one column off per emoji or other supplementary character.
      json.writeStringField("columnKind", "unicodeCodePoints");
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

  private static void rule(JsonGenerator json, Code code) throws IOException {
    json.writeStartObject();
    json.writeStringField("id", code.id());
    json.writeStringField("name", name(code.id()));
    json.writeObjectFieldStart("shortDescription");
    json.writeStringField("text", code.summary());
    json.writeEndObject();
    message(json, "fullDescription", code.description());
    message(json, "help", code.fix());
    json.writeEndObject();
  }

  /** A text with its Markdown form: code is in backticks, which plain text drops. */
  private static void message(JsonGenerator json, String field, String markdown)
      throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("text", markdown.replace("`", ""));
    json.writeStringField("markdown", markdown);
    json.writeEndObject();
  }

  /**
   * A rule's friendly name, {@code UnknownKey} for {@code unknown-key}: SARIF wants it to differ
   * from the id.
   */
  static String name(String id) {
    StringBuilder name = new StringBuilder(id.length());
    boolean upper = true;
    for (char c : id.toCharArray()) {
      if (c == '-') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.toString();
  }

  private void result(JsonGenerator json, Diagnostic d, boolean strict) throws IOException {
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
    ArtifactUris.Location where = uris.of(d.file());
    json.writeStringField("uri", where.uri());
    if (where.relative()) {
      json.writeStringField("uriBaseId", ArtifactUris.BASE_ID);
    }
    json.writeEndObject();
    // Code scanning shows only results with a region; a finding about the whole file (too large,
    // unreadable) points at its first line.
    json.writeObjectFieldStart("region");
    json.writeNumberField("startLine", Math.max(1, d.line()));
    if (d.line() > 0 && d.column() > 0) {
      json.writeNumberField("startColumn", d.column());
    }
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
  }
}
