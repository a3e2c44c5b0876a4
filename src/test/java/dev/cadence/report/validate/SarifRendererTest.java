package dev.cadence.report.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.ValidationMessage;
import dev.cadence.validate.Code;
import dev.cadence.validate.Diagnostic;
import dev.cadence.validate.ValidationResult;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
      assertThat(CodeScanningRules.problems(MAPPER.readTree(sarif))).as(sarif).isEmpty();
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
  void theCodeScanningCheckCanFail() throws Exception {
    // What the log looked like before: an absolute path as a bare uri, rules with a summary only.
    JsonNode broken =
        MAPPER.readTree(SampleResults.render(ValidateFormat.SARIF, SampleResults.mixed(false)));
    ObjectNode artifact =
        (ObjectNode) broken.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation");
    artifact.put("uri", "/srv/ci/cadences/a.yaml");
    ((ObjectNode) broken.at("/runs/0/tool/driver/rules/0")).remove("fullDescription");
    ((ObjectNode) broken.at("/runs/0/tool/driver/rules/1")).remove("help");
    ((ObjectNode) broken.at("/runs/0/results/1/locations/0/physicalLocation")).remove("region");
    assertThat(CodeScanningRules.problems(broken))
        .anyMatch(p -> p.startsWith("SARIF1004: a relative reference that begins with '/'"))
        .anyMatch(p -> p.startsWith("GH2012: rule \"io-error\" has no fullDescription"))
        .anyMatch(p -> p.startsWith("GH2012: rule \"empty-file\" has no help"))
        .anyMatch(p -> p.startsWith("GH1003"));
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
        // Code scanning drops a result without a region: a whole-file finding is on line 1.
        assertThat(location.at("/region/startLine").intValue()).as(sarif).isEqualTo(1);
        assertThat(location.at("/region").has("startColumn")).as(sarif).isFalse();
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
  void pathsBecomeEncodedUriReferencesRelativeToTheWorkingDirectory() throws Exception {
    ArtifactUris uris = new ArtifactUris(Path.of("/srv/ci"));
    assertThat(uris.rootUri()).isEqualTo("file:///srv/ci/");
    assertThat(uris.of("cadences/outbound.yaml"))
        .isEqualTo(new ArtifactUris.Location("cadences/outbound.yaml", true));
    assertThat(uris.of("./cadences/../cadences/a.yaml"))
        .isEqualTo(new ArtifactUris.Location("cadences/a.yaml", true));
    // An absolute path under the working directory is relative too: the log does not depend on
    // where the checkout is.
    assertThat(uris.of("/srv/ci/cadences/a.yaml"))
        .isEqualTo(new ArtifactUris.Location("cadences/a.yaml", true));
    // Outside it, an absolute file URI, never a bare "/..." path.
    assertThat(uris.of("/tmp/x/a.yml"))
        .isEqualTo(new ArtifactUris.Location("file:///tmp/x/a.yml", false));
    assertThat(uris.of("../other/a.yml"))
        .isEqualTo(new ArtifactUris.Location("file:///srv/other/a.yml", false));
    assertThat(uris.of("my cadences/100%.yaml").uri()).isEqualTo("my%20cadences/100%25.yaml");
    assertThat(uris.of("cadences/caf\u00e9.yaml").uri()).isEqualTo("cadences/caf%C3%A9.yaml");
    assertThat(uris.of("a:b/c.yaml").uri()).isEqualTo("a%3Ab/c.yaml");
    assertThat(ArtifactUris.fileUri(Path.of("/srv/a b.yaml"))).isEqualTo("file:///srv/a%20b.yaml");
    assertThat(new URI(uris.rootUri()).resolve(uris.of("my cadences/100%.yaml").uri()).getPath())
        .isEqualTo("/srv/ci/my cadences/100%.yaml");
  }

  @Test
  void theDriverSaysWhichToolAndVersionWroteTheLog() throws Exception {
    JsonNode driver =
        MAPPER
            .readTree(SampleResults.render(ValidateFormat.SARIF, SampleResults.mixed(false)))
            .at("/runs/0/tool/driver");
    assertThat(driver.get("name").textValue()).isEqualTo("cadence");
    assertThat(new URI(driver.get("informationUri").textValue()).isAbsolute()).isTrue();
    // The version is the build's: the pom's, without -SNAPSHOT.
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher version =
        Pattern.compile("<artifactId>cadence</artifactId>\\s*<version>([^<-]+)").matcher(pom);
    assertThat(version.find()).isTrue();
    assertThat(driver.get("version").textValue()).isEqualTo(version.group(1));
  }

  @Test
  void everyRuleHasWhatCodeScanningRequires() throws Exception {
    JsonNode rules =
        MAPPER
            .readTree(SampleResults.render(ValidateFormat.SARIF, SampleResults.mixed(false)))
            .at("/runs/0/tool/driver/rules");
    assertThat(rules).hasSize(Code.values().length);
    for (JsonNode rule : rules) {
      for (String field : List.of("shortDescription", "fullDescription", "help")) {
        assertThat(rule.at("/" + field + "/text").textValue()).as(rule + " " + field).isNotBlank();
        assertThat(rule.at("/" + field + "/text").textValue().length())
            .as("GitHub cuts descriptions at 1024 characters")
            .isLessThanOrEqualTo(1024);
      }
      assertThat(rule.at("/help/markdown").textValue()).as(rule.toString()).isNotBlank();
      assertThat(rule.get("name").textValue()).isNotEqualTo(rule.get("id").textValue());
    }
    assertThat(SarifRenderer.name("unknown-key")).isEqualTo("UnknownKey");
  }
}
