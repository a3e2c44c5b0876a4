package dev.cadence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The cadence JSON Schema as shipped, and YAML files read into JSON the way an editor's YAML
 * language server reads them before it applies the schema.
 *
 * <p>Not with Jackson YAML's {@code YAMLMapper.readTree}: it leaves an alias ({@code on:
 * *outcomes}) as the string {@code "outcomes"} instead of the anchored mapping, so the samples that
 * share outcome maps through anchors would wrongly fail. SnakeYAML (the parser under Jackson YAML
 * and under our own reader) expands aliases; it is given the YAML 1.2 core schema's rules for plain
 * scalars, so {@code on:} stays a key (YAML 1.1 would make it {@code true}), {@code yes} stays text
 * and a date such as 2026-12-25 stays a string that the schema checks with a pattern.
 */
public final class SchemaSupport {
  /** The classpath resource that {@code cadence schema} prints. */
  public static final String RESOURCE = "/dev/cadence/cadence.schema.json";

  public static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
  public static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(VersionFlag.V202012);

  private static final ObjectMapper JSON = new ObjectMapper();
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

  /**
   * A YAML file as a JSON tree: aliases expanded, plain scalars typed by the YAML 1.2 core schema.
   */
  public static JsonNode yaml(Path file) {
    try {
      return yamlText(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static JsonNode yamlText(String text) {
    LoaderOptions options = new LoaderOptions();
    Yaml yaml =
        new Yaml(
            new SafeConstructor(options),
            new Representer(new DumperOptions()),
            new DumperOptions(),
            options,
            new CoreSchemaResolver());
    return JSON.valueToTree(yaml.load(text));
  }

  /**
   * YAML 1.2 core schema: true/false, decimal numbers, null; no yes/no/on/off, no timestamps, no
   * sexagesimals.
   */
  private static final class CoreSchemaResolver extends Resolver {
    @Override
    protected void addImplicitResolvers() {
      addImplicitResolver(
          Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
      addImplicitResolver(Tag.INT, Pattern.compile("^[-+]?[0-9]+$"), "-+0123456789");
      addImplicitResolver(
          Tag.FLOAT,
          Pattern.compile(
              "^(?:[-+]?(?:\\.[0-9]+|[0-9]+\\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"),
          "-+0123456789.");
      addImplicitResolver(Tag.MERGE, MERGE, "<");
      addImplicitResolver(Tag.NULL, NULL, "~nN\0");
      addImplicitResolver(Tag.NULL, EMPTY, null);
    }
  }

  /** What the schema finds wrong with {@code file}, sorted by location; empty when it matches. */
  public static List<ValidationMessage> errors(Path file) {
    return sorted(schema().validate(yaml(file)));
  }

  public static List<ValidationMessage> sorted(Set<ValidationMessage> messages) {
    List<ValidationMessage> list = new ArrayList<>(messages);
    list.sort(
        Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
            .thenComparing(ValidationMessage::getMessage));
    return list;
  }

  /** Every {@code *.yaml} / {@code *.yml} file under {@code dir}, recursively, sorted. */
  public static List<Path> yamlFilesUnder(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              p ->
                  p.getFileName().toString().endsWith(".yaml")
                      || p.getFileName().toString().endsWith(".yml"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
