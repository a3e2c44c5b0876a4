package dev.cadence.io.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.model.Channel;
import dev.cadence.model.Pos;
import dev.cadence.simulate.ResponseModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseModelReaderTest {
  static ResponseModelReader.Read read(String yaml) {
    return ResponseModelReader.read(yaml.getBytes(StandardCharsets.UTF_8));
  }

  static List<String> problems(String yaml) {
    ResponseModelReader.Read r = read(yaml);
    assertThat(r.model()).as("a model with problems is not returned").isEmpty();
    return r.problems().stream()
        .map(p -> p.pos().line() + ":" + p.pos().column() + ": " + p.message())
        .toList();
  }

  @Test
  void theDefaultModelIsTheSampleAndReadsWithoutProblems() throws IOException {
    byte[] resource;
    try (InputStream in =
        getClass().getResourceAsStream("/dev/cadence/simulate/default-response-model.yaml")) {
      resource = in.readAllBytes();
    }
    assertThat(resource).isEqualTo(Files.readAllBytes(Path.of("samples/response-model.yaml")));
    ResponseModelReader.Read r = ResponseModelReader.read(resource);
    assertThat(r.problems()).isEmpty();
    ResponseModel m = r.model().orElseThrow();
    assertThat(m.channel(Channel.EMAIL).p("opened")).isEqualTo(0.45);
    assertThat(m.channel(Channel.EMAIL).delay("opened").max()).isEqualTo(Duration.ofDays(1));
    assertThat(m.multipliers().region().get("EMEA-FR").of(Channel.EMAIL, "opened")).isEqualTo(1.10);
    assertThat(m.multipliers().gap().at(5).of(Channel.CALL, "replied")).isEqualTo(1.15);
  }

  @Test
  void aProbabilityOutsideZeroToOneIsOneProblemAtItsLineAndColumn() {
    assertThat(
            problems(
                """
        email:
          opened: 1.4
        """))
        .containsExactly(
            "2:11: email.opened: 1.4 is outside [0, 1]; write a probability from 0 to 1 (e.g. 0.45) or a percentage (45%)");
    assertThat(problems("call: { connected: -0.1 }"))
        .singleElement()
        .asString()
        .startsWith("1:20: call.connected: -0.1 is outside [0, 1]");
    assertThat(problems("social: { accepted: 120% }"))
        .singleElement()
        .asString()
        .startsWith("1:21: social.accepted: 120% is outside");
  }

  @Test
  void percentagesAndPlainNumbersAreProbabilitiesButQuotedNumbersAreNot() {
    ResponseModel m = read("email: { opened: 45%, replied: .1, bounced: 0 }").model().orElseThrow();
    assertThat(m.channel(Channel.EMAIL).p("opened")).isEqualTo(0.45);
    assertThat(m.channel(Channel.EMAIL).p("replied")).isEqualTo(0.1);
    assertThat(problems("email: { opened: \"0.4\" }"))
        .containsExactly(
            "1:18: email.opened must be a number, not the quoted text \"0.4\" (remove the quotes)");
    assertThat(problems("email: { opened: often }"))
        .containsExactly("1:18: email.opened must be a number, not `often`");
  }

  @Test
  void everyProblemIsReportedWithAFix() {
    assertThat(
            problems(
                """
        mail: { opened: 0.4 }
        call:
          connected: 0.6
          voicemail: 0.6
          delays: { connected: 5x, voicemail: 2h..1h }
          outcomes: { interested: 0.5, qualified: 0.6, happy: 0.1 }
        multipliers:
          region: { EMEA-FR: { opend: 1.2, email.won: 2, fax.replied: 1, replied: -1 } }
          position: { 0: { replied: 2 }, x: {} }
          gap: { 0: { replied: 2 }, 3+: { connected: 1.1 } }
        task: {}
        """))
        .containsExactly(
            "1:1: unknown key `mail` in a response model; did you mean `email`?",
            "3:3: call: the probabilities add up to 1.2; they are exclusive (one result per call), so their sum must be at most 1",
            "5:24: call.delays.connected: duration `5x` is not valid; write a number and a unit (w, d, h, m), e.g. 3d or 1d12h; a range is MIN..MAX, e.g. 1h..2d",
            "5:39: call.delays.voicemail: the range `2h..1h` ends before it starts; write MIN..MAX, e.g. 1h..2d",
            "6:13: call.outcomes: the probabilities add up to 1.1; they are exclusive (at most one outcome per response), so their sum must be at most 1",
            "6:48: unknown key `happy` in call.outcomes; expected one of: interested, meeting_booked, not_interested, paid, qualified, returned",
            "8:24: multipliers.region.EMEA-FR: unknown event `opend`; did you mean `opened`?",
            "8:36: multipliers.region.EMEA-FR: an email touch has no event `won`; expected one of: bounced, clicked, interested, meeting_booked, not_interested, opened, paid, qualified, replied, returned, unsubscribed",
            "8:50: multipliers.region.EMEA-FR: unknown channel `fax` in `fax.replied`; expected one of: approval, call, email, meeting, social, task",
            "8:75: multipliers.region.EMEA-FR.replied: multiplier -1 must be 0 or more (1 changes nothing, 1.2 is 20% more, 0.5 half)",
            "9:15: multipliers.position: `0` is not a position; write a whole number from 1 (exactly that) or N+ (N and more), e.g. 3 or 4+",
            "9:34: multipliers.position: `x` is not a position; write a whole number from 1 (exactly that) or N+ (N and more), e.g. 3 or 4+",
            "11:1: unknown key `task` in a response model; expected one of: approval, call, description, email, multipliers, social");
  }

  @Test
  void yamlProblemsAndEmptyFilesAreReportedInTheModelsWords() {
    assertThat(problems(""))
        .containsExactly(
            "1:1: file is empty; a response model needs at least one channel, e.g. `email: { opened: 0.4 }`");
    assertThat(problems("email:\n  opened: 0.4\n  opened: 0.5\n"))
        .singleElement()
        .asString()
        .startsWith("3:3: duplicate key `opened`");
    assertThat(problems("- email\n"))
        .containsExactly("1:1: a response model must be a mapping (key: value lines), not a list");
    assertThat(
            ResponseModelReader.read("email: {opened: 0.4".getBytes(StandardCharsets.UTF_8))
                .problems())
        .extracting(ResponseModelReader.Problem::pos)
        .doesNotContain(Pos.NONE);
  }
}
