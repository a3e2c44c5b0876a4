package dev.cadence.io.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cadence.SchemaSupport;
import dev.cadence.model.Channel;
import dev.cadence.model.Outcomes;
import dev.cadence.model.SalesModel;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The schema and the binder must describe the same format: the keys allowed at each level, the
 * enums and the id patterns are compared with the binder's own lists (this test lives in the
 * binder's package because {@link ScheduleBinder#KEYS} is package-private).
 */
class SchemaKeysTest {
  /**
   * Subschemas that only constrain (conditions and exclusions); they declare no keys of their own.
   */
  private static final Set<String> CONSTRAINING = Set.of("if", "then", "else", "not");

  private final JsonNode schema = SchemaSupport.schemaNode();
  private final JsonNode defs = schema.path("$defs");

  @Test
  void topLevelKeysAreTheBindersCadenceKeys() {
    assertThat(names(schema.path("properties")))
        .containsExactlyInAnyOrderElementsOf(CadenceBinder.CADENCE_KEYS);
  }

  @Test
  void stepKeysAreTheBindersStepKeys() {
    assertThat(names(defs.path("step").path("properties")))
        .containsExactlyInAnyOrderElementsOf(CadenceBinder.STEP_KEYS);
  }

  @Test
  void scheduleKeysAreTheBindersScheduleKeys() {
    assertThat(names(defs.path("schedule").path("properties")))
        .containsExactlyInAnyOrderElementsOf(ScheduleBinder.KEYS);
  }

  @Test
  void exitKeysAreTheBindersExitKeys() {
    assertThat(names(defs.path("exit").path("properties")))
        .containsExactlyInAnyOrderElementsOf(CadenceBinder.EXIT_KEYS);
  }

  @Test
  void targetKeysAreTheBindersTargetKeysOnePerBranch() {
    List<String> keys = new ArrayList<>();
    for (JsonNode branch : defs.path("target").path("oneOf")) {
      if (branch.path("type").asText().equals("object")) {
        List<String> own = names(branch.path("properties"));
        assertThat(own).as("a target branch declares exactly one key: " + branch).hasSize(1);
        assertThat(texts(branch.path("required")))
            .as(branch.toString())
            .containsExactlyElementsOf(own);
        keys.addAll(own);
      }
    }
    assertThat(keys).containsExactlyInAnyOrderElementsOf(CadenceBinder.TARGET_KEYS);
  }

  @Test
  void everyObjectThatDeclaresKeysRejectsOthers() {
    List<String> open = new ArrayList<>();
    walk(
        schema,
        "#",
        (path, node) -> {
          if (node.has("properties")
              && !node.path("additionalProperties").equals(SchemaSupport.json("false"))) {
            open.add(path);
          }
        });
    assertThat(open)
        .as("objects without additionalProperties: false (misspelled keys would pass)")
        .isEmpty();
  }

  @Test
  void everyPropertyHasADescriptionForEditorsToShow() {
    List<String> bare = new ArrayList<>();
    walk(
        schema,
        "#",
        (path, node) -> {
          for (Iterator<Map.Entry<String, JsonNode>> it = node.path("properties").fields();
              it.hasNext(); ) {
            var property = it.next();
            if (property.getValue().path("description").asText().isBlank()) {
              bare.add(path + "/properties/" + property.getKey());
            }
          }
        });
    assertThat(bare).as("properties without a description").isEmpty();
  }

  @Test
  void channelsAreTheModelsChannelsInTheEnumAndInGuards() {
    assertThat(texts(defs.path("channel").path("enum")))
        .containsExactlyElementsOf(Channel.yamlNames());
    assertThat(names(defs.path("guard").path("properties")))
        .containsExactlyElementsOf(Channel.yamlNames());
  }

  /**
   * The enum offers the canonical spellings to editors; the pattern takes any case, as validate.
   */
  @Test
  void salesModelsAreTheModelsSalesModels() {
    JsonNode model = schema.path("properties").path("model").path("anyOf");
    assertThat(texts(model.path(0).path("enum")))
        .containsExactlyElementsOf(
            Arrays.stream(SalesModel.values())
                .map(m -> m.name().toLowerCase(Locale.ROOT))
                .toList());
    assertThat(model.path(1).path("pattern").asText()).isEqualTo(Spellings.SALES_MODELS.pattern());
  }

  @Test
  void businessDaysAreTheThreeLetterDayNamesOrTheFullNamesInAnyCase() {
    JsonNode day =
        defs.path("schedule").path("properties").path("business_days").path("items").path("anyOf");
    assertThat(texts(day.path(0).path("enum")))
        .containsExactlyElementsOf(
            Arrays.stream(DayOfWeek.values()).map(d -> d.name().substring(0, 3)).toList());
    assertThat(day.path(1).path("pattern").asText()).isEqualTo(Spellings.DAYS.pattern());
  }

  @Test
  void outcomesAreTheModelsOutcomes() {
    assertThat(texts(defs.path("outcome").path("enum")))
        .containsExactlyInAnyOrderElementsOf(Outcomes.all());
    assertThat(names(defs.path("transitions").path("properties")))
        .containsExactlyInAnyOrderElementsOf(Outcomes.all());
  }

  @Test
  void eachChannelsOutcomesAreWhatTheChannelCanProduce() {
    Set<String> covered = new TreeSet<>();
    for (JsonNode rule : defs.path("step").path("allOf")) {
      JsonNode condition = rule.path("if").path("properties").path("channel");
      List<String> channels =
          condition.has("const")
              ? List.of(condition.get("const").asText())
              : texts(condition.path("enum"));
      List<String> allowed =
          texts(rule.path("then").path("properties").path("on").path("propertyNames").path("enum"));
      for (String name : channels) {
        Channel channel =
            Channel.fromYaml(name).orElseThrow(() -> new AssertionError("unknown channel " + name));
        Set<String> producible = new TreeSet<>(channel.responses());
        producible.addAll(Outcomes.GENERAL);
        assertThat(allowed).as(name + " outcomes").containsExactlyInAnyOrderElementsOf(producible);
        assertThat(covered.add(name)).as(name + " has one rule").isTrue();
      }
    }
    assertThat(covered).containsExactlyInAnyOrderElementsOf(Channel.yamlNames());
  }

  @Test
  void idPatternsAreTheBindersPatternsAnchored() {
    assertThat(defs.path("cadenceId").path("pattern").asText())
        .isEqualTo(anchored(CadenceBinder.CADENCE_ID));
    assertThat(defs.path("name").path("pattern").asText()).isEqualTo(anchored(CadenceBinder.NAME));
  }

  private static String anchored(Pattern p) {
    return "^" + p.pattern() + "$";
  }

  private static List<String> names(JsonNode properties) {
    List<String> names = new ArrayList<>();
    properties.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  /** Visits every subschema that declares structure, skipping the constraining ones. */
  private static void walk(JsonNode node, String path, BiConsumer<String, JsonNode> visit) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "/" + i, visit);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    visit.accept(path, node);
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      var field = it.next();
      if (!CONSTRAINING.contains(field.getKey())) {
        walk(field.getValue(), path + "/" + field.getKey(), visit);
      }
    }
  }
}
