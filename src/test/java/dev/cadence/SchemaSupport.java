package dev.cadence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The cadence JSON Schema as shipped, and YAML files read the way editors and CI read them (Jackson YAML). */
public final class SchemaSupport {
  /** The classpath resource that {@code cadence schema} prints. */
  public static final String RESOURCE = "/dev/cadence/cadence.schema.json";

  public static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
  public static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(VersionFlag.V202012);

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();
  private static JsonNode schemaNode;
  private static JsonSchema schema;

  private SchemaSupport() {}

  /** The schema document as a tree (a fresh copy: callers may not change the cached one). */
  public static synchronized JsonNode schemaNode() {
    if (schemaNode == null) {
      try (InputStream in = SchemaSupport.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is not on the classpath");
        }
        schemaNode = JSON.readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return schemaNode.deepCopy();
  }

  public static synchronized JsonSchema schema() {
    if (schema == null) {
      schema = FACTORY.getSchema(schemaNode());
    }
    return schema;
  }

  public static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A YAML file as Jackson YAML reads it: dates like 2026-12-25 stay strings, numbers become numbers. */
  public static JsonNode yaml(Path file) {
    try {
      return YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the schema finds wrong with {@code file}, sorted by location; empty when it matches. */
  public static List<ValidationMessage> errors(Path file) {
    return sorted(schema().validate(yaml(file)));
  }

  public static List<ValidationMessage> sorted(Set<ValidationMessage> messages) {
    List<ValidationMessage> list = new ArrayList<>(messages);
    list.sort(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
        .thenComparing(ValidationMessage::getMessage));
    return list;
  }

  /** Every {@code *.yaml} / {@code *.yml} file under {@code dir}, recursively, sorted. */
  public static List<Path> yamlFilesUnder(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile)
          .filter(p -> p.getFileName().toString().endsWith(".yaml") || p.getFileName().toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
