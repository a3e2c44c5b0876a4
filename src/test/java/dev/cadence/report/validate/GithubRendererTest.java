package dev.cadence.report.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.validate.Diagnostic;
import dev.cadence.validate.ValidationResult;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GithubRendererTest {
  /** A workflow command as the runner parses it: properties up to the first "::", then the data. */
  private static final Pattern COMMAND =
      Pattern.compile(
          "::(error|warning) file=([^,:]*)(?:,line=(\\d+),col=(\\d+))?,title=([^,:]*)::(.*)");

  @Test
  void oneCommandPerDiagnosticWithExactEscaping() {
    String out = SampleResults.render(ValidateFormat.GITHUB, SampleResults.mixed(false));
    assertThat(out.lines().toList())
        .as(out)
        .containsExactly(
            "::error file=cadences/fail <&>\".yaml,line=7,col=15,title=cadence unknown-step::"
                + "unknown step `x<&>\"y` <&>\"' %2525 a,b c:d \\ tab\\there",
            "::warning file=cadences/fail <&>\".yaml,line=12,col=3,title=cadence unused-exit::"
                + "exit `done` is declared but unused",
            "::warning file=cadences/warn%25%3A.yml,line=9,col=5,title=cadence unreachable-step::"
                + "step `b` cannot be reached: 100%25 sure, a:b",
            "::error file=cadences/broken.yaml,title=cadence file-too-large::file is 52428800 bytes");
  }

  @Test
  void underStrictWarningsAreAnnotatedAsErrorsBecauseTheyFailTheRun() {
    String out = SampleResults.render(ValidateFormat.GITHUB, SampleResults.warningsOnly(true));
    assertThat(out.lines().toList()).as(out).isNotEmpty().allMatch(l -> l.startsWith("::error "));
    String lenient = SampleResults.render(ValidateFormat.GITHUB, SampleResults.warningsOnly(false));
    assertThat(lenient.lines().toList()).as(lenient).allMatch(l -> l.startsWith("::warning "));
  }

  @Test
  void everyLineParsesBackToItsDiagnostic() {
    ValidationResult result = SampleResults.mixed(false);
    List<Diagnostic> expected =
        result.files().stream().flatMap(f -> f.diagnostics().stream()).toList();
    List<String> lines = SampleResults.render(ValidateFormat.GITHUB, result).lines().toList();
    assertThat(lines).hasSize(expected.size());
    for (int i = 0; i < lines.size(); i++) {
      Diagnostic d = expected.get(i);
      Matcher m = COMMAND.matcher(lines.get(i));
      assertThat(m.matches()).as(lines.get(i)).isTrue();
      assertThat(m.group(1)).isEqualTo(d.severity().label());
      assertThat(unescape(m.group(2))).isEqualTo(d.file());
      if (d.line() > 0) {
        assertThat(Integer.parseInt(m.group(3))).isEqualTo(d.line());
        assertThat(Integer.parseInt(m.group(4))).isEqualTo(d.column());
      } else {
        assertThat(m.group(3)).as("no line for a finding without a position").isNull();
      }
      assertThat(unescape(m.group(5))).isEqualTo("cadence " + d.code().id());
      assertThat(unescape(m.group(6))).isEqualTo(d.message());
    }
  }

  @Test
  void escapesAsTheActionsToolkitDoes() {
    assertThat(GithubRenderer.data("100% a:b,c\r\nnext")).isEqualTo("100%25 a:b,c%0D%0Anext");
    assertThat(GithubRenderer.property("100% a:b,c\r\nnext"))
        .isEqualTo("100%25 a%3Ab%2Cc%0D%0Anext");
    // '%' goes first, so an already escaped-looking text is not decoded by the runner.
    assertThat(GithubRenderer.property("%3A")).isEqualTo("%253A");
  }

  private static String unescape(String s) {
    return s.replace("%0D", "\r")
        .replace("%0A", "\n")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%");
  }
}
