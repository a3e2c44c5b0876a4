package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationMessage;
import dev.cadence.SchemaSupport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaCommandTest {
  /** The 2020-12 meta-schema, from the validator's bundled copy (no network). */
  private static final JsonSchema META =
      SchemaSupport.FACTORY.getSchema(SchemaLocation.of(SchemaSupport.DRAFT_2020_12));

  @Test
  void printsTheBundledSchemaAsIsAndNothingElse() throws IOException {
    var r = CliHarness.run("schema");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(0);
    assertThat(r.err()).as(r.toString()).isEmpty();
    String resource;
    try (InputStream in = SchemaCommandTest.class.getResourceAsStream(SchemaSupport.RESOURCE)) {
      assertThat(in).as("classpath resource " + SchemaSupport.RESOURCE).isNotNull();
      resource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(r.out()).as(r.toString()).isEqualTo(resource.replace("\r\n", "\n"));
  }

  @Test
  void theOutputIsJsonThatDeclaresItselfADraft202012Schema() {
    var r = CliHarness.run("schema");
    JsonNode schema = SchemaSupport.json(r.out());
    assertThat(schema.isObject()).as(r.toString()).isTrue();
    assertThat(schema.path("$schema").asText())
        .as(r.toString())
        .isEqualTo(SchemaSupport.DRAFT_2020_12);
    assertThat(URI.create(schema.path("$id").asText()).isAbsolute())
        .as("$id is an absolute URI")
        .isTrue();
    assertThat(schema.path("title").asText()).isNotBlank();
    assertThat(schema.path("description").asText()).isNotBlank();
  }

  @Test
  void theOutputIsValidAgainstTheDraft202012MetaSchema() {
    var r = CliHarness.run("schema");
    List<ValidationMessage> problems =
        SchemaSupport.sorted(META.validate(SchemaSupport.json(r.out())));
    assertThat(problems).as(r.toString()).isEmpty();
  }

  @Test
  void theMetaSchemaCheckDoesCatchABrokenSchema() {
    // Guards the test above: a schema with a misspelled type and a non-list `required` must fail.
    JsonNode broken =
        SchemaSupport.json(
            "{\"$schema\": \""
                + SchemaSupport.DRAFT_2020_12
                + "\", \"type\": \"strin\", \"required\": \"id\"}");
    assertThat(META.validate(broken)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void thePrintedSchemaAcceptsATinyCadenceAndRejectsAMisspelledKey() {
    var r = CliHarness.run("schema");
    JsonSchema printed = SchemaSupport.FACTORY.getSchema(SchemaSupport.json(r.out()));
    JsonNode ok =
        SchemaSupport.json(
            "{\"cadence\": \"tiny\", \"steps\": [{\"id\": \"a\", \"channel\": \"call\"}]}");
    JsonNode typo =
        SchemaSupport.json(
            "{\"cadence\": \"tiny\", \"steps\": [{\"id\": \"a\", \"chanel\": \"call\"}]}");
    assertThat(printed.validate(ok)).as(r.toString()).isEmpty();
    assertThat(printed.validate(typo))
        .as(r.toString())
        .anySatisfy(m -> assertThat(m.getMessage()).contains("chanel"));
  }
}
