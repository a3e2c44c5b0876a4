package dev.cadence.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.cli.CliHarness;
import dev.cadence.cli.CliHarness.CliResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code analyze} of the hand-written logs under golden/analyze/CASE/ in every format, compared
 * with expected.FORMAT (and expected.TABLE.csv for each table as CSV). Run with
 * -Dgolden.update=true to rewrite the expectations, then read the diff.
 */
class AnalyzeGoldenTest {
  static final Path ROOT = Path.of("src/test/resources/golden/analyze");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<org.junit.jupiter.params.provider.Arguments> cases() throws IOException {
    List<String[]> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(ROOT)) {
      for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
        String log = dir.resolve("log.csv").toString();
        out.add(
            new String[] {dir.getFileName().toString(), "expected.txt", log, "--format", "text"});
        out.add(
            new String[] {dir.getFileName().toString(), "expected.json", log, "--format", "json"});
        out.add(
            new String[] {
              dir.getFileName().toString(), "expected.md", log, "--format", "markdown"
            });
        out.add(
            new String[] {dir.getFileName().toString(), "expected.html", log, "--format", "html"});
        for (String table :
            List.of(
                "open_rate_by_region",
                "open_rate_by_region_template",
                "response_rate_by_gap",
                "response_rate_by_position_channel",
                "funnel",
                "cube")) {
          out.add(
              new String[] {
                dir.getFileName().toString(),
                "expected." + table + ".csv",
                log,
                "--format",
                "csv",
                "--table",
                table
              });
        }
      }
    }
    return out.stream()
        .map(
            a ->
                org.junit.jupiter.params.provider.Arguments.of(
                    a[0], a[1], List.of(a).subList(2, a.length)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void matchesTheExpectedOutput(String caseName, String expected, List<String> args)
      throws IOException {
    List<String> list = new ArrayList<>(List.of("analyze"));
    list.addAll(args);
    String[] all = list.toArray(new String[0]);
    CliResult r = CliHarness.run(all);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    Path file = ROOT.resolve(caseName).resolve(expected);
    if (UPDATE) {
      Files.writeString(file, r.out(), StandardCharsets.UTF_8);
    }
    assertThat(r.out())
        .as(r.toString())
        .isEqualTo(Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"));
  }
}
