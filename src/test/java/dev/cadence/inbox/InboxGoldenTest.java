package dev.cadence.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.io.mail.MailReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code src/test/resources/inbox/CASE.eml} (messages written for these tests from the RFCs
 * and the servers' documented formats) read and judged, against {@code CASE.expected}: {@code
 * kind}, {@code recipients} ("address status class", joined by "; "), and when given {@code until},
 * {@code fresh} and the first of {@code references}.
 */
class InboxGoldenTest {
  private static final Path CASES = Path.of("src/test/resources/inbox");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(CASES)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".eml"))
          .map(n -> n.substring(0, n.length() - 4))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void judgesAsExpected(String name) throws IOException {
    MailMessage message = new MailReader().read(Files.readAllBytes(CASES.resolve(name + ".eml")));
    Verdict verdict = new Judge().judge(message, Mail.CONTEXT);
    Map<String, String> expected = expected(CASES.resolve(name + ".expected"));

    assertThat(verdict.kind()).as(verdict.reason()).isEqualTo(expected.get("kind"));
    assertThat(recipients(verdict)).as(verdict.reason()).isEqualTo(expected.get("recipients"));
    if (expected.containsKey("until")) {
      assertThat(((Verdict.AutoReply) verdict).until())
          .map(Object::toString)
          .contains(expected.get("until"));
    }
    if (expected.containsKey("fresh")) {
      assertThat(((Verdict.Reply) verdict).freshText()).isEqualTo(expected.get("fresh"));
    }
    if (expected.containsKey("references")) {
      assertThat(verdict.references()).first().isEqualTo(expected.get("references"));
    }
    assertThat(verdict.reason()).isNotBlank().doesNotContain("\n");
  }

  private static String recipients(Verdict verdict) {
    if (!(verdict instanceof Verdict.Bounce b)) {
      return "";
    }
    return b.recipients().stream()
        .map(r -> r.address() + " " + r.status().orElse("-") + " " + r.bounceClass().word())
        .collect(Collectors.joining("; "));
  }

  private static Map<String, String> expected(Path file) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file);
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
      }
    }
    return fields;
  }
}
