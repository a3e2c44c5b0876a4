package dev.cadence.report.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import dev.cadence.validate.Diagnostic;
import dev.cadence.validate.ValidationResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SarifRendererTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void theOutputValidatesAgainstTheSarif210Schema() throws Exception {
    for (ValidationResult result :
        List.of(
            SampleResults.mixed(false),
            SampleResults.mixed(true),
            new ValidationResult(List.of(), false))) {
      String sarif = SampleResults.render(ValidateFormat.SARIF, result);
      Set<ValidationMessage> problems = SarifSchema.problems(MAPPER.readTree(sarif));
      assertThat(problems).as(sarif).isEmpty();
    }
  }

  @Test
  void theSchemaCheckCanFail() throws Exception {
    // Guards the guard: a broken document must be rejected, or the test above proves nothing.
    JsonNode broken =
        MAPPER.readTree(SampleResults.render(ValidateFormat.SARIF, SampleResults.mixed(false)));
    ((ObjectNode) broken.at("/runs/0/results/0")).put("level", "fatal");
    ((ObjectNode) broken.at("/runs/0/results/0/locations/0/physicalLocation/region"))
        .put("startLine", 0);
    assertThat(SarifSchema.problems(broken)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void rulesAndResultsAreConsistent() throws Exception {
    ValidationResult result = SampleResults.mixed(false);
    String sarif = SampleResults.render(ValidateFormat.SARIF, result);
    JsonNode root = MAPPER.readTree(sarif);

    assertThat(root.get("version").textValue()).isEqualTo("2.1.0");
    assertThat(root.get("runs")).hasSize(1);
    JsonNode run = root.get("runs").get(0);
    assertThat(run.at("/tool/driver/name").textValue()).isEqualTo("cadence");

    List<String> ruleIds = new ArrayList<>();
    run.at("/tool/driver/rules").forEach(rule -> ruleIds.add(rule.get("id").textValue()));
    assertThat(ruleIds).as(sarif).isNotEmpty().doesNotHaveDuplicates();

    List<Diagnostic> expected =
        result.files().stream().flatMap(f -> f.diagnostics().stream()).toList();
    JsonNode results = run.get("results");
    assertThat(results).as(sarif).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      Diagnostic d = expected.get(i);
      JsonNode r = results.get(i);
      String ruleId = r.get("ruleId").textValue();
      assertThat(ruleId).as(sarif).isEqualTo(d.code().id()).isIn(ruleIds);
      assertThat(ruleIds.get(r.get("ruleIndex").intValue()))
          .as("ruleIndex points at its rule\n" + sarif)
          .isEqualTo(ruleId);
      assertThat(r.get("level").textValue()).as(sarif).isEqualTo(d.severity().label());
      assertThat(r.at("/message/text").textValue()).as(sarif).isEqualTo(d.message());
      JsonNode location = r.at("/locations/0/physicalLocation");
      assertThat(location.at("/artifactLocation/uri").textValue()).as(sarif).isNotBlank();
      if (d.line() > 0) {
        assertThat(location.at("/region/startLine").intValue())
            .as(sarif)
            .isEqualTo(d.line())
            .isGreaterThanOrEqualTo(1);
        assertThat(location.at("/region/startColumn").intValue())
            .as(sarif)
            .isEqualTo(d.column())
            .isGreaterThanOrEqualTo(1);
      } else {
        assertThat(location.has("region"))
            .as("no region for a finding without a position\n" + sarif)
            .isFalse();
      }
    }
  }

  @Test
  void strictMakesWarningsErrors() throws Exception {
    JsonNode results =
        MAPPER
            .readTree(SampleResults.render(ValidateFormat.SARIF, SampleResults.warningsOnly(true)))
            .at("/runs/0/results");
    Set<String> levels = new HashSet<>();
    results.forEach(r -> levels.add(r.get("level").textValue()));
    assertThat(levels).containsExactly("error");
    JsonNode lenient =
        MAPPER
            .readTree(SampleResults.render(ValidateFormat.SARIF, SampleResults.warningsOnly(false)))
            .at("/runs/0/results");
    assertThat(lenient.get(0).get("level").textValue()).isEqualTo("warning");
  }

  @Test
  void artifactUrisAreUriReferencesThatDecodeToThePath() throws Exception {
    JsonNode results =
        MAPPER
            .readTree(SampleResults.render(ValidateFormat.SARIF, SampleResults.mixed(false)))
            .at("/runs/0/results");
    List<String> decoded = new ArrayList<>();
    for (JsonNode r : results) {
      String uri = r.at("/locations/0/physicalLocation/artifactLocation/uri").textValue();
      decoded.add(new URI(uri).getPath());
    }
    assertThat(decoded).contains(SampleResults.FAILING, SampleResults.WARNED, SampleResults.BROKEN);
  }

  @Test
  void pathsBecomeEncodedUriReferences() throws Exception {
    assertThat(SarifRenderer.uri("cadences/outbound.yaml")).isEqualTo("cadences/outbound.yaml");
    assertThat(SarifRenderer.uri("/tmp/x/a.yml")).isEqualTo("/tmp/x/a.yml");
    assertThat(SarifRenderer.uri("my cadences/100%.yaml")).isEqualTo("my%20cadences/100%25.yaml");
    assertThat(SarifRenderer.uri("cadences\\caf\u00e9.yaml")).isEqualTo("cadences/caf%C3%A9.yaml");
    assertThat(SarifRenderer.uri("C:\\work\\a b.yaml")).isEqualTo("file:///C:/work/a%20b.yaml");
    assertThat(SarifRenderer.uri("a:b/c.yaml")).isEqualTo("a%3Ab/c.yaml");
    assertThat(new URI(SarifRenderer.uri("C:\\work\\a b.yaml")).getPath())
        .isEqualTo("/C:/work/a b.yaml");
  }
}
