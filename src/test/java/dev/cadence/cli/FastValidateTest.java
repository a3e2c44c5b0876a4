package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.cli.CliHarness.CliResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link FastValidate} (validate without picocli, for a fast start) must behave exactly as the
 * picocli path: what it takes on it runs to the same output and exit code; what it leaves, it
 * leaves untouched, for picocli.
 */
class FastValidateTest {
  private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "validate");
  private static final String SAMPLES = "cadences";

  /** The fast path's result, or null when it declined (then it must have printed nothing). */
  private static CliResult fast(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Integer code =
        FastValidate.tryRun(args, new PrintWriter(out, true), new PrintWriter(err, true));
    if (code == null) {
      assertThat(out.toString() + err.toString()).as("a declined run prints nothing").isEmpty();
      return null;
    }
    return new CliResult(
        args, code, out.toString().replace("\r\n", "\n"), err.toString().replace("\r\n", "\n"));
  }

  private static void assertSameAsPicocli(CliResult fast, String... args) {
    CliResult slow = CliHarness.runThroughPicocli(args);
    assertThat(fast.exitCode())
        .as("exit code\nfast: " + fast + "\npicocli: " + slow)
        .isEqualTo(slow.exitCode());
    assertThat(fast.out()).as("stdout\nfast: " + fast + "\npicocli: " + slow).isEqualTo(slow.out());
    assertThat(fast.err()).as("stderr\nfast: " + fast + "\npicocli: " + slow).isEqualTo(slow.err());
  }

  static Stream<String> goldenCases() throws IOException {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      List<String> names = dirs.filter(Files::isDirectory).map(d -> d.toString()).sorted().toList();
      assertThat(names).isNotEmpty();
      return names.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("goldenCases")
  void everyGoldenCaseInEveryFormatMatchesPicocli(String dir) {
    for (String format : new String[] {"text", "json", "junit", "sarif", "github"}) {
      String[] args = {"validate", "--format", format, dir};
      CliResult r = fast(args);
      assertThat(r)
          .as("plain validate must take the fast path: " + String.join(" ", args))
          .isNotNull();
      assertSameAsPicocli(r, args);
    }
  }

  @Test
  void theCommonFormsTakeTheFastPathAndMatchPicocli() {
    String one = SAMPLES + "/inbound-prospecting.yaml";
    String[][] cases = {
      {"validate", one},
      {"validate", SAMPLES},
      {"validate", "--strict", SAMPLES},
      {"validate", SAMPLES, "--strict", "-q"},
      {"validate", "--quiet", "--format=json", one},
      {"validate", "--format", "SARIF", one},
      {"validate", "-v", one, "no/such/file.yaml"},
      {"validate", "no/such/file.yaml"},
      {"validate", one, one, SAMPLES},
      {"validate", "--verbose", "--strict", GOLDEN.resolve("unused-exit").toString()},
    };
    for (String[] args : cases) {
      CliResult r = fast(args);
      assertThat(r).as(String.join(" ", args)).isNotNull();
      assertSameAsPicocli(r, args);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "validate",
        "validate --help",
        "validate -h cadences",
        "validate -V",
        "validate --format",
        "validate --format xml cadences",
        "validate --format Json cadences",
        "validate --format= cadences",
        "validate --format json --format text cadences",
        "validate --strict --strict cadences",
        "validate -q --quiet cadences",
        "validate -qv cadences",
        "validate -- cadences",
        "validate @args.txt",
        "validate --frobnicate cadences",
        "validate --strict",
        "validat cadences",
        "schema",
        "--version",
      })
  void everythingElseIsLeftToPicocli(String line) {
    assertThat(fast(line.split(" "))).as(line).isNull();
  }

  @Test
  void versionAloneIsAnsweredWithoutPicocliAsPicocliWould() {
    for (String option : new String[] {"--version", "-V"}) {
      CliResult direct = CliHarness.run(option);
      CliResult slow = CliHarness.runThroughPicocli(option);
      assertThat(direct.out()).as(direct.toString()).isEqualTo(slow.out()).isNotBlank();
      assertThat(direct.err()).isEqualTo(slow.err());
      assertThat(direct.exitCode()).isEqualTo(slow.exitCode()).isZero();
    }
  }

  @Test
  void anEmptyPathIsLeftToPicocli() {
    assertThat(fast("validate", "")).isNull();
  }

  /**
   * Random argument lists from a pool of tokens: declined, or the same as picocli, never different.
   */
  @Test
  void randomArgumentListsNeverDiffer() {
    String[] pool = {
      "--strict",
      "-q",
      "--quiet",
      "-v",
      "--verbose",
      "--format",
      "json",
      "text",
      "--format=github",
      "--format=Text",
      "junit",
      "-x",
      "--",
      SAMPLES + "/refund-process.yaml",
      SAMPLES + "/staged-branching.yaml",
      GOLDEN.resolve("unknown-step").toString(),
      "missing.yaml",
      "validate"
    };
    Random random = new Random(20261127L);
    int taken = 0;
    for (int i = 0; i < 300; i++) {
      List<String> args = new ArrayList<>(List.of("validate"));
      int n = random.nextInt(5);
      for (int k = 0; k < n; k++) {
        args.add(pool[random.nextInt(pool.length)]);
      }
      String[] a = args.toArray(String[]::new);
      CliResult r = fast(a);
      if (r != null) {
        taken++;
        assertSameAsPicocli(r, a);
      }
    }
    assertThat(taken).as("the random lists exercise the fast path").isGreaterThan(50);
  }
}
