package dev.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cadence.cli.CliHarness;
import dev.cadence.io.yaml.CadenceBinder;
import dev.cadence.model.Channel;
import dev.cadence.model.Outcomes;
import dev.cadence.validate.Code;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/cadence-format.md keeps up with the code: every key, outcome and diagnostic code is in it.
 */
class FormatDocTest {
  private static final Path DOC = Path.of("docs", "cadence-format.md");

  private static String doc() throws IOException {
    return Files.readString(DOC, StandardCharsets.UTF_8);
  }

  /**
   * A table row whose first cell is {@code `name`} (optionally followed by more text in the cell).
   */
  private static Pattern row(String name) {
    return Pattern.compile("(?m)^\\| `" + Pattern.quote(name) + "`[^|]*\\|");
  }

  @Test
  void everyDiagnosticCodeHasARow() throws IOException {
    String doc = doc();
    List<String> missing = new ArrayList<>();
    for (Code code : Code.values()) {
      if (!row(code.id()).matcher(doc).find()) {
        missing.add(code.id());
      }
    }
    assertThat(missing).as("codes of dev.cadence.validate.Code without a row in " + DOC).isEmpty();
  }

  /**
   * The table's "triggered by" and "how to fix" cells are the code's own texts, which SARIF shows
   * as each rule's full description and help: the table may not drift from them.
   */
  @Test
  void everyCodesRowShowsItsDescriptionAndFix() throws IOException {
    String doc = doc();
    for (Code code : Code.values()) {
      Matcher m =
          Pattern.compile(
                  "(?m)^\\| `"
                      + Pattern.quote(code.id())
                      + "`(?: \\(warning\\))? \\| (.*) \\| (.*) \\|$")
              .matcher(doc);
      assertThat(m.find()).as(code.id()).isTrue();
      assertThat(m.group(1)).as(code.id() + " triggered by").isEqualTo(code.description());
      assertThat(m.group(2)).as(code.id() + " how to fix").isEqualTo(code.fix());
    }
  }

  @Test
  void everyKeyOfTheFormatHasARow() throws IOException {
    String doc = doc();
    List<String> keys = new ArrayList<>();
    keys.addAll(CadenceBinder.CADENCE_KEYS);
    keys.addAll(CadenceBinder.STEP_KEYS);
    keys.addAll(CadenceBinder.EXIT_KEYS);
    // The schedule keys as the schema lists them (SchemaKeysTest holds the schema to the binder).
    SchemaSupport.schemaNode()
        .path("$defs")
        .path("schedule")
        .path("properties")
        .fieldNames()
        .forEachRemaining(keys::add);
    assertThat(keys).hasSizeGreaterThan(30);
    List<String> missing = keys.stream().filter(k -> !row(k).matcher(doc).find()).toList();
    assertThat(missing).as("keys without a row in " + DOC).isEmpty();
    for (String target : CadenceBinder.TARGET_KEYS) {
      assertThat(doc).as("target form " + target).contains("`{" + target + ": ");
    }
  }

  @Test
  void theOutcomeTableListsEveryOutcomeOfEveryChannel() throws IOException {
    String doc = doc();
    String table = doc.substring(doc.indexOf("## Outcomes by channel"), doc.indexOf("## Guards"));
    for (Channel channel : Channel.values()) {
      Matcher line =
          Pattern.compile(
                  "(?m)^\\| `"
                      + channel.yamlName()
                      + "` \\| `"
                      + channel.touchEvent()
                      + "` \\|(.*)$")
              .matcher(table);
      assertThat(line.find()).as(channel + " row with its touch event").isTrue();
      for (String outcome : channel.responses()) {
        assertThat(line.group(1)).as(channel + " outcomes").contains("`" + outcome + "`");
      }
    }
    for (String outcome : Outcomes.GENERAL) {
      assertThat(table)
          .as("general outcome")
          .containsPattern("(?m)^\\| any step .*`" + outcome + "`");
    }
  }

  @Test
  void theFirstExampleValidatesCleanly(@TempDir Path dir) throws IOException {
    String doc = doc();
    String section =
        doc.substring(doc.indexOf("## A first cadence"), doc.indexOf("## Top-level keys"));
    Matcher yaml = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL).matcher(section);
    assertThat(yaml.find()).isTrue();
    Files.writeString(dir.resolve("first-touch.yaml"), yaml.group(1));
    Files.createDirectories(dir.resolve("templates"));
    Files.createDirectories(dir.resolve("scripts"));
    Files.writeString(
        dir.resolve("templates/hello.md"),
        "---\nsubject: Hello {{first_name}}\n---\nHi {{first_name}},\n");
    Files.writeString(dir.resolve("scripts/first-call.md"), "# First call\n");
    var r = CliHarness.run("validate", "--strict", dir.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).as(r.toString()).contains("2 files checked: 0 errors, 0 warnings");
  }

  @Test
  void theSchemaSectionUsesTheLanguageServerComment() throws IOException {
    assertThat(doc())
        .contains("cadence schema > cadence.schema.json")
        .contains("# yaml-language-server: $schema=");
    // The doc names the draft; keep it in step with what `cadence schema` prints.
    JsonNode schema = SchemaSupport.schemaNode();
    assertThat(schema.path("$schema").asText()).contains("2020-12");
    assertThat(doc()).contains("JSON Schema (2020-12)");
  }
}
