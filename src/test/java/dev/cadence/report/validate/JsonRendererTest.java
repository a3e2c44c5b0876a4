package dev.cadence.report.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cadence.validate.Diagnostic;
import dev.cadence.validate.FileResult;
import dev.cadence.validate.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JsonRendererTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void followsTheContractShapeExactly() throws Exception {
    ValidationResult result = SampleResults.mixed(false);
    String json = SampleResults.render(ValidateFormat.JSON, result);
    JsonNode root = MAPPER.readTree(json);

    assertThat(fieldNames(root)).as(json).containsExactly("valid", "files");
    assertThat(root.get("valid").isBoolean()).as(json).isTrue();
    assertThat(root.get("valid").booleanValue()).as(json).isFalse();
    assertThat(root.get("files").isArray()).as(json).isTrue();
    assertThat(root.get("files")).as(json).hasSize(result.files().size());

    for (int i = 0; i < result.files().size(); i++) {
      FileResult expected = result.files().get(i);
      JsonNode file = root.get("files").get(i);
      assertThat(fieldNames(file)).as(json).containsExactly("path", "cadence", "diagnostics");
      assertThat(file.get("path").textValue()).as(json).isEqualTo(expected.path());
      if (expected.cadence().isPresent()) {
        assertThat(file.get("cadence").textValue()).as(json).isEqualTo(expected.cadence().get());
      } else {
        assertThat(file.get("cadence").isNull()).as(json).isTrue();
      }
      assertThat(file.get("diagnostics").isArray()).as(json).isTrue();
      assertThat(file.get("diagnostics")).as(json).hasSize(expected.diagnostics().size());
      for (int j = 0; j < expected.diagnostics().size(); j++) {
        assertDiagnostic(file.get("diagnostics").get(j), expected.diagnostics().get(j), json);
      }
    }
  }

  @Test
  void specialCharactersSurviveTheRoundTrip() throws Exception {
    JsonNode root =
        MAPPER.readTree(SampleResults.render(ValidateFormat.JSON, SampleResults.mixed(false)));
    assertThat(root.at("/files/0/path").textValue()).isEqualTo(SampleResults.FAILING);
    assertThat(root.at("/files/0/diagnostics/0/message").textValue())
        .isEqualTo(SampleResults.UNKNOWN_STEP.message());
  }

  @Test
  void validReflectsStrictness() throws Exception {
    assertThat(valid(SampleResults.warningsOnly(false))).isTrue();
    assertThat(valid(SampleResults.warningsOnly(true))).isFalse();
    assertThat(valid(new ValidationResult(List.of(), true))).isTrue();
  }

  @Test
  void anEmptyResultIsStillTheFullShape() throws Exception {
    JsonNode root =
        MAPPER.readTree(
            SampleResults.render(ValidateFormat.JSON, new ValidationResult(List.of(), false)));
    assertThat(fieldNames(root)).containsExactly("valid", "files");
    assertThat(root.get("files").isArray()).isTrue();
    assertThat(root.get("files")).isEmpty();
  }

  private static boolean valid(ValidationResult result) throws Exception {
    return MAPPER
        .readTree(SampleResults.render(ValidateFormat.JSON, result))
        .get("valid")
        .booleanValue();
  }

  private static void assertDiagnostic(JsonNode node, Diagnostic d, String json) {
    assertThat(fieldNames(node))
        .as(json)
        .containsExactly("severity", "code", "message", "line", "column");
    assertThat(node.get("severity").textValue())
        .as(json)
        .isIn(Set.of("error", "warning"))
        .isEqualTo(d.severity().label());
    assertThat(node.get("code").textValue()).as(json).isEqualTo(d.code().id());
    assertThat(node.get("message").textValue()).as(json).isEqualTo(d.message());
    assertThat(node.get("line").isInt()).as(json).isTrue();
    assertThat(node.get("line").intValue()).as(json).isEqualTo(d.line());
    assertThat(node.get("column").isInt()).as(json).isTrue();
    assertThat(node.get("column").intValue()).as(json).isEqualTo(d.column());
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
