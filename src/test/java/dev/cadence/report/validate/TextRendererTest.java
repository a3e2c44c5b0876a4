package dev.cadence.report.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.validate.Code;
import dev.cadence.validate.Diagnostic;
import dev.cadence.validate.FileResult;
import dev.cadence.validate.Severity;
import dev.cadence.validate.ValidationResult;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextRendererTest {
  @Test
  void compilerStyleLinesThenASummary() {
    String out = SampleResults.render(ValidateFormat.TEXT, SampleResults.mixed(false));
    assertThat(out.lines().toList())
        .as(out)
        .containsExactly(
            "cadences/fail <&>\".yaml:7:15: error[unknown-step]: unknown step `x<&>\"y` <&>\"' %25 a,b c:d \\ tab\\there",
            "cadences/fail <&>\".yaml:12:3: warning[unused-exit]: exit `done` is declared but unused",
            "cadences/warn%:.yml:9:5: warning[unreachable-step]: step `b` cannot be reached: 100% sure, a:b",
            "cadences/broken.yaml: error[file-too-large]: file is 52428800 bytes",
            "4 files checked: 2 errors, 2 warnings");
  }

  @Test
  void quietDropsTheSummaryButKeepsTheFindings() {
    String out = SampleResults.render(ValidateFormat.TEXT, SampleResults.mixed(false), true);
    assertThat(out.lines().toList()).as(out).hasSize(4).noneMatch(l -> l.contains("checked"));
    assertThat(
            SampleResults.render(ValidateFormat.TEXT, new ValidationResult(List.of(), false), true))
        .isEmpty();
  }

  @Test
  void strictSaysWhyWarningsFail() {
    assertThat(SampleResults.render(ValidateFormat.TEXT, SampleResults.warningsOnly(true)))
        .endsWith("2 files checked: 0 errors, 1 warning (warnings fail under --strict)\n");
    assertThat(SampleResults.render(ValidateFormat.TEXT, SampleResults.warningsOnly(false)))
        .endsWith("2 files checked: 0 errors, 1 warning\n");
  }

  @Test
  void singularsAndNoColourCodesWhenColourIsOff() {
    var file =
        new FileResult(
            "a.yaml",
            Optional.of("a"),
            List.of(
                new Diagnostic("a.yaml", 1, 1, Severity.ERROR, Code.MISSING_FIELD, "no steps")));
    String out =
        SampleResults.render(ValidateFormat.TEXT, new ValidationResult(List.of(file), false));
    assertThat(out)
        .isEqualTo(
            "a.yaml:1:1: error[missing-field]: no steps\n1 file checked: 1 error, 0 warnings\n");
    assertThat(out).doesNotContain("\u001b");
  }
}
