package dev.cadence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import dev.cadence.cli.CliHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema against real files: the sample cadences, fixtures that must match (and that
 * {@code cadence validate} accepts), and fixtures that must not. Each invalid fixture's header
 * names where the schema objects, a word its message contains, and the diagnostic {@code validate}
 * gives.
 */
class SchemaTest {
  private static final Path FIXTURES = Path.of("src/test/resources/schema");
  private static final Path VALID = FIXTURES.resolve("valid");
  private static final Path INVALID = FIXTURES.resolve("invalid");
  private static final Path SAMPLES = Path.of("cadences");
  private static final Pattern ERROR_AT = Pattern.compile("(?m)^# schema-error-at: (\\S+)$");
  private static final Pattern MENTIONS = Pattern.compile("(?m)^# schema-error-mentions: (.+)$");
  private static final Pattern CODE = Pattern.compile("(?m)^# validate-code: (\\S+)$");

  static Stream<Path> validFixtures() {
    return SchemaSupport.yamlFilesUnder(VALID).stream();
  }

  static Stream<Path> invalidFixtures() {
    return SchemaSupport.yamlFilesUnder(INVALID).stream();
  }

  @ParameterizedTest
  @MethodSource("validFixtures")
  void validFixtureMatchesTheSchema(Path file) {
    assertThat(SchemaSupport.errors(file)).as(file.toString()).isEmpty();
  }

  @Test
  void validFixturesPassValidateWithoutAnyFinding() {
    var r = CliHarness.run("validate", VALID.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(0);
    assertThat(r.out()).as(r.toString()).contains(" checked: 0 errors, 0 warnings");
    assertThat(r.out()).as(r.toString()).doesNotContain("error[").doesNotContain("warning[");
  }

  @ParameterizedTest
  @MethodSource("invalidFixtures")
  void invalidFixtureFailsTheSchemaWhereItsHeaderSaysAndNowhereElse(Path file) throws IOException {
    String at = header(file, ERROR_AT);
    String mentions = header(file, MENTIONS);
    List<ValidationMessage> errors = SchemaSupport.errors(file);
    assertThat(errors).as(file + " must not match the schema").isNotEmpty();
    // Errors elsewhere would mean the fixture has a second mistake and proves less than it claims.
    assertThat(errors)
        .as(file + ": errors " + errors)
        .extracting(m -> m.getInstanceLocation().toString())
        .containsOnly(at);
    assertThat(errors)
        .as(file + ": errors " + errors)
        .extracting(ValidationMessage::getMessage)
        .anySatisfy(message -> assertThat(message).contains(mentions));
  }

  @ParameterizedTest
  @MethodSource("invalidFixtures")
  void invalidFixtureIsAlsoRejectedByValidateWithTheSameDiagnostic(Path file) throws IOException {
    String code = header(file, CODE);
    var r = CliHarness.run("validate", file.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).as(r.toString()).contains(": error[" + code + "]: ");
  }

  /** The valid fixtures are the schema's coverage: together they use every key it allows. */
  @Test
  void validFixturesUseEveryKeyTheSchemaAllows() {
    JsonNode schema = SchemaSupport.schemaNode();
    JsonNode defs = schema.path("$defs");
    Map<String, Set<String>> used = new LinkedHashMap<>();
    List.of("top", "schedule", "exit", "step", "target", "channel")
        .forEach(k -> used.put(k, new TreeSet<>()));
    for (Path file : SchemaSupport.yamlFilesUnder(VALID)) {
      JsonNode cadence = SchemaSupport.yaml(file);
      cadence.fieldNames().forEachRemaining(used.get("top")::add);
      cadence.path("schedule").fieldNames().forEachRemaining(used.get("schedule")::add);
      cadence
          .path("exits")
          .forEach(exit -> exit.fieldNames().forEachRemaining(used.get("exit")::add));
      for (JsonNode step : cadence.path("steps")) {
        step.fieldNames().forEachRemaining(used.get("step")::add);
        used.get("channel").add(step.path("channel").asText());
        List<JsonNode> targets = new ArrayList<>();
        step.path("on").forEach(targets::add);
        if (step.has("next")) {
          targets.add(step.get("next"));
        }
        for (JsonNode target : targets) {
          if (target.isTextual()) {
            used.get("target").add("step id");
          }
          target.fieldNames().forEachRemaining(used.get("target")::add);
        }
      }
    }
    Set<String> targetKinds = new TreeSet<>(Set.of("step id"));
    defs.path("target")
        .path("oneOf")
        .forEach(b -> b.path("properties").fieldNames().forEachRemaining(targetKinds::add));
    Set<String> channels = new TreeSet<>();
    defs.path("channel").path("enum").forEach(c -> channels.add(c.asText()));

    assertThat(used.get("top")).containsAll(names(schema.path("properties")));
    assertThat(used.get("schedule")).containsAll(names(defs.path("schedule").path("properties")));
    assertThat(used.get("exit")).containsAll(names(defs.path("exit").path("properties")));
    assertThat(used.get("step")).containsAll(names(defs.path("step").path("properties")));
    assertThat(used.get("target")).containsAll(targetKinds);
    assertThat(used.get("channel")).containsAll(channels);
  }

  /**
   * Every sample under cadences/ matches the schema. The folder is written separately; until it
   * exists this is skipped, and once it exists it must hold at least one cadence.
   */
  @Test
  void everySampleCadenceMatchesTheSchema() {
    assumeTrue(Files.isDirectory(SAMPLES), "no cadences/ folder yet");
    List<Path> files = SchemaSupport.yamlFilesUnder(SAMPLES);
    assertThat(files).as("*.yaml files under " + SAMPLES.toAbsolutePath()).isNotEmpty();
    Map<String, List<String>> failures = new LinkedHashMap<>();
    for (Path file : files) {
      List<ValidationMessage> errors = SchemaSupport.errors(file);
      if (!errors.isEmpty()) {
        failures.put(file.toString(), errors.stream().map(ValidationMessage::getMessage).toList());
      }
    }
    assertThat(failures).as("samples that do not match the schema").isEmpty();
  }

  @Test
  void yamlIsReadAsAnEditorReadsIt() {
    JsonNode tree =
        SchemaSupport.yamlText(
            """
        holidays: [2026-12-25]
        shared: &outcomes { connected: next-step }
        steps:
          - on: *outcomes
            day: 3
            status: yes
            ok: true
        """);
    // Unquoted dates stay strings (checked by the date pattern), not timestamps.
    assertThat(tree.at("/holidays/0").isTextual()).as(tree.toString()).isTrue();
    // An alias is the anchored mapping, and `on` stays a key (YAML 1.1 would read it as true).
    assertThat(tree.at("/steps/0/on/connected").asText())
        .as(tree.toString())
        .isEqualTo("next-step");
    assertThat(tree.at("/steps/0/day").isInt()).as(tree.toString()).isTrue();
    assertThat(tree.at("/steps/0/status").isTextual()).as(tree.toString()).isTrue();
    assertThat(tree.at("/steps/0/ok").isBoolean()).as(tree.toString()).isTrue();
  }

  private static Set<String> names(JsonNode properties) {
    Set<String> names = new TreeSet<>();
    properties.fieldNames().forEachRemaining(names::add);
    assertThat(names).as("properties declared").isNotEmpty();
    return names;
  }

  private static String header(Path file, Pattern pattern) throws IOException {
    Matcher m = pattern.matcher(Files.readString(file));
    assertThat(m.find())
        .as(file + " must have a header line matching " + pattern.pattern())
        .isTrue();
    return m.group(1);
  }
}
