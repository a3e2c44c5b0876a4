package dev.cadence.io.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A `[` or `{` left open is reported at the bracket, not where the parser gave up (the next key,
 * often the last line of the file); a missing comma inside a collection that is closed later is
 * still reported where it is.
 */
class UnclosedFlowTest {
  private static YamlProblem problem(String yaml) {
    YamlDocument doc = new SafeYamlReader().read(yaml.getBytes(StandardCharsets.UTF_8));
    assertThat(doc.problems()).as(yaml).hasSize(1);
    return doc.problems().get(0);
  }

  private static String at(YamlProblem p) {
    return p.pos().line() + ":" + p.pos().column();
  }

  @Test
  void anUnclosedSequenceBeforeTheLastLineIsReportedAtItsBracket() {
    YamlProblem p =
        problem(
            "cadence: a\nsteps:\n  - id: a\n    channel: call\nexit_on: [replied, bounced\nname: x\n");
    assertThat(at(p)).as(p.message()).isEqualTo("5:10");
    assertThat(p.message())
        .isEqualTo(
            "YAML syntax: the flow sequence that starts here is still open at line 6; close it"
                + " with `]`");
  }

  @Test
  void anUnclosedMappingInAStepIsReportedAtItsBrace() {
    YamlProblem p =
        problem(
            "cadence: a\nsteps:\n  - id: a\n    channel: call\n    on: {connected: b\n"
                + "  - id: b\n    channel: call\n");
    assertThat(at(p)).as(p.message()).isEqualTo("5:9");
    assertThat(p.message()).contains("flow mapping").contains("close it with `}`");
  }

  @Test
  void crlfAndOtherLineBreaksCountAsTheYamlReaderCountsThem() {
    YamlProblem p = problem("cadence: a\r\nexit_on: [replied\r\nsteps: []\r\n");
    assertThat(at(p)).as(p.message()).isEqualTo("2:10");
    assertThat(SafeYamlReader.indent("a\r\n  b\u2028   c", 2)).isEqualTo(3);
  }

  @Test
  void aMissingCommaInAClosedMultiLineSequenceIsReportedWhereItIs() {
    YamlProblem p =
        problem("cadence: a\nsteps: [\n  {id: a, channel: call}\n  {id: b, channel: call}\n]\n");
    assertThat(at(p)).as(p.message()).isEqualTo("4:3");
    assertThat(p.message()).startsWith("YAML syntax: expected ',' or ']'");
  }

  @Test
  void theEndOfTheFileIsStillReportedAtTheBracket() {
    YamlProblem p = problem("cadence: a\nexit_on: [replied, bounced\n");
    assertThat(at(p)).as(p.message()).isEqualTo("2:10");
    assertThat(p.message()).contains("the file ends before the flow sequence");
  }
}
