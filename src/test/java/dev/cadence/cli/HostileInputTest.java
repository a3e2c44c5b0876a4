package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cadence.cli.CliHarness.CliResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that are broken, malicious or merely unusual. Each goes through the real command line next
 * to a companion file, which must still be checked; nothing may hang, throw or print a stack trace.
 * The 10 s bound only guards against hangs; the measured times are printed to the test output.
 */
class HostileInputTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(10);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;
  private Path companion;
  private String testName;

  @BeforeEach
  void companion(TestInfo info) throws IOException {
    testName = info.getDisplayName();
    Files.createDirectories(dir.resolve("other"));
    // Only a warning: the exit code is decided by the hostile file alone.
    companion =
        write(
            "other/companion.yaml",
            """
        cadence: companion
        steps:
          - id: a
            channel: call
        exits:
          unused: {}
        """);
  }

  @Test
  void yamlSyntaxError() throws Exception {
    Path file = write("syntax.yaml", "cadence: x\nsteps: [\n  {id: a, channel: call\n");
    JsonNode d = assertReported(file, 1, "yaml-syntax");
    // Reported where the unclosed brace opens, not at the end of the file where it was noticed.
    assertThat(d.get("line").intValue()).isEqualTo(3);
    assertThat(d.get("column").intValue()).isEqualTo(3);
    Path quote = write("quote.yaml", "cadence: \"unclosed\nsteps: []\n");
    assertReported(quote, 1, "yaml-syntax");
  }

  @Test
  void binaryFile() throws Exception {
    byte[] png = {
      (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'
    };
    Path file = dir.resolve("image.yaml");
    Files.write(file, png);
    assertReported(file, 1, "binary-file");
  }

  @Test
  void emptyFile() throws Exception {
    assertReported(write("empty.yaml", ""), 1, "empty-file");
  }

  @Test
  void commentsOnlyFile() throws Exception {
    assertReported(write("comments.yaml", "# a cadence, one day\n\n   # maybe\n"), 1, "empty-file");
  }

  @Test
  void billionLaughsAliasBomb() throws Exception {
    StringBuilder yaml =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    String previous = "a";
    for (String level : List.of("b", "c", "d", "e", "f", "g", "h", "i")) {
      yaml.append(level).append(": &").append(level).append(" [");
      yaml.append(String.join(",", Collections.nCopies(9, "*" + previous))).append("]\n");
      previous = level;
    }
    assertReported(write("bomb.yaml", yaml.toString()), 1, "yaml-limit");
  }

  @Test
  void fiftyMegabyteFile() throws Exception {
    Path file = dir.resolve("huge.yaml");
    byte[] line = "  - id: step\n    channel: call\n".getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write("cadence: huge\nsteps:\n".getBytes(StandardCharsets.UTF_8));
      for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
        out.write(line);
      }
    }
    JsonNode d = assertReported(file, 1, "file-too-large");
    assertThat(d.get("message").textValue()).contains(String.valueOf(Files.size(file)));
  }

  @Test
  void latin1File() throws Exception {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, "cadence: caf\u00e9\nsteps: []\n".getBytes(StandardCharsets.ISO_8859_1));
    JsonNode d = assertReported(file, 1, "bad-encoding");
    assertThat(d.get("line").intValue()).isEqualTo(1);
    assertThat(d.get("column").intValue()).isEqualTo(13);
    assertThat(d.get("message").textValue()).contains("0xE9");
  }

  @Test
  void utf8BomFileIsValidAndPositionsAreNotShifted() throws Exception {
    Path file = dir.resolve("bom.yaml");
    Files.write(
        file,
        ("\uFEFFcadence: bom\nsteps:\n  - id: a\n    channel: call\n")
            .getBytes(StandardCharsets.UTF_8));
    CliResult r = run("validate", "--format", "json", file.toString(), companion.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(0);
    JsonNode files = MAPPER.readTree(r.out()).get("files");
    assertThat(files.get(0).get("cadence").textValue()).isEqualTo("bom");
    assertThat(files.get(0).get("diagnostics")).as(r.toString()).isEmpty();
    assertCompanionChecked(files, r);

    Path wrong = dir.resolve("bom-wrong.yaml");
    Files.write(
        wrong,
        ("\uFEFFcadance: bom\nsteps:\n  - id: a\n    channel: call\n")
            .getBytes(StandardCharsets.UTF_8));
    JsonNode d = assertReported(wrong, 1, "unknown-key");
    assertThat(d.get("line").intValue()).isEqualTo(1);
    assertThat(d.get("column").intValue()).as("the BOM is not a column").isEqualTo(1);
  }

  @Test
  void missingPathIsAUsageErrorAndTheOtherFilesAreStillChecked() throws Exception {
    Path bad = write("bad.yaml", "cadence: bad\nsteps:\n  - id: a\n    chanel: call\n");
    String missing = dir.resolve("no/such/cadence.yaml").toString();
    CliResult r =
        run("validate", "--format", "json", bad.toString(), missing, companion.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err().lines().toList())
        .as(r.toString())
        .containsExactly("error: no such file or directory: " + missing);
    JsonNode files = MAPPER.readTree(r.out()).get("files");
    assertThat(files).as(r.toString()).hasSize(2);
    assertThat(codes(files.get(0))).contains("unknown-key");
    assertCompanionChecked(files, r);

    CliResult text = run("validate", missing, companion.toString());
    assertThat(text.exitCode()).as(text.toString()).isEqualTo(2);
    assertThat(text.err().lines().count()).as(text.toString()).isEqualTo(1);
    assertThat(text.out()).as(text.toString()).contains("1 file checked: 0 errors, 1 warning");
  }

  @Test
  void deeplyNestedYaml() throws Exception {
    Path file = write("deep.yaml", "[".repeat(10_000) + "]".repeat(10_000) + "\n");
    assertReported(file, 1, "yaml-limit");
    Path mappings =
        write(
            "deep-map.yaml",
            "cadence: deep\nsteps: " + "{x: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n");
    assertReported(mappings, 1, "yaml-limit");
  }

  @Test
  void recursiveAlias() throws Exception {
    assertReported(write("recursive.yaml", "a: &a [*a]\n"), 1, "yaml-limit");
    JsonNode d =
        assertReported(
            write(
                "recursive-map.yaml",
                "cadence: r\nsteps: &s\n  - id: a\n    channel: call\n    on: *s\n"),
            1,
            "yaml-limit");
    assertThat(d.get("line").intValue()).isEqualTo(3);
  }

  @Test
  void hugeSingleLine() throws Exception {
    // 1 MB on one line, just under the size limit: refused up front, since SnakeYAML's look-ahead
    // makes an unbroken word or comment this long cost seconds.
    String yaml =
        "{cadence: tiny, description: \""
            + "x".repeat(1_000_000)
            + "\", steps: [{id: a, channel: call}]}";
    JsonNode d = assertReported(write("one-line.yaml", yaml), 1, "yaml-limit");
    assertThat(d.get("line").intValue()).isEqualTo(1);
    assertThat(d.get("column").intValue()).isEqualTo(65_537);
    assertThat(d.get("message").textValue())
        .contains("line 1 is " + yaml.length() + " characters long");
    JsonNode comment =
        assertReported(
            write("comment.yaml", "cadence: c\n#" + "x".repeat(1_000_000) + "\nsteps: []\n"),
            1,
            "yaml-limit");
    assertThat(comment.get("line").intValue()).isEqualTo(2);
  }

  @Test
  void longSingleLineUnderTheLimitKeepsItsColumns() throws Exception {
    String head =
        "{cadence: tiny, description: \""
            + "x".repeat(60_000)
            + "\", steps: [{id: a, channel: call, ";
    JsonNode d =
        assertReported(write("long-line.yaml", head + "chanel: call}]}"), 1, "unknown-key");
    assertThat(d.get("line").intValue()).isEqualTo(1);
    assertThat(d.get("column").intValue()).isEqualTo(head.length() + 1);
  }

  @Test
  void crlfLineEndingsKeepPositions() throws Exception {
    String yaml =
        """
        cadence: tiny
        steps:
          - id: a
            channel: cal
          - id: b
            chanel: call
        """;
    Path lf = write("lf.yaml", yaml);
    Path crlf = write("crlf.yaml", yaml.replace("\n", "\r\n"));
    JsonNode d = assertReported(crlf, 1, "unknown-key");
    assertThat(d.get("line").intValue()).isEqualTo(6);
    assertThat(d.get("column").intValue()).isEqualTo(5);
    List<String> lfFindings = findings(lf);
    assertThat(lfFindings)
        .anyMatch(f -> f.startsWith("4:14:unknown-channel:"))
        .anyMatch(f -> f.startsWith("6:5:unknown-key:"));
    assertThat(findings(crlf)).isEqualTo(lfFindings);
  }

  @Test
  void hiddenFoldersAreIgnored() throws Exception {
    Path root = dir.resolve("repo");
    Files.createDirectories(root.resolve(".git/refs"));
    Files.createDirectories(root.resolve(".github/workflows"));
    Files.createDirectories(root.resolve("cadences/.cache"));
    Files.writeString(root.resolve(".git/refs/broken.yaml"), "not: [a cadence\n");
    Files.writeString(root.resolve(".github/workflows/ci.yml"), "on: push\njobs: {}\n");
    Files.writeString(root.resolve("cadences/.cache/old.yaml"), "cadence: old\n");
    Files.writeString(
        root.resolve("cadences/ok.yaml"), "cadence: ok\nsteps:\n  - id: a\n    channel: call\n");
    Files.writeString(root.resolve("cadences/notes.txt"), "not yaml: [\n");
    Files.writeString(root.resolve("cadences/ok.yaml.bak"), "broken: [\n");
    CliResult r = run("validate", "--format", "json", root.toString(), companion.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(0);
    JsonNode files = MAPPER.readTree(r.out()).get("files");
    List<String> paths = new ArrayList<>();
    files.forEach(f -> paths.add(f.get("path").textValue()));
    assertThat(paths)
        .as(r.toString())
        .containsExactly(root.resolve("cadences/ok.yaml").toString(), companion.toString());
  }

  @Test
  void ymlExtensionIsChecked() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("yml"));
    Path file = folder.resolve("short.yml");
    Files.writeString(file, "cadence: short\nsteps:\n  - id: a\n    chanel: call\n");
    JsonNode d = assertReported(file, 1, "unknown-key");
    assertThat(d.get("line").intValue()).isEqualTo(4);
    CliResult r = run("validate", "--format", "json", folder.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(MAPPER.readTree(r.out()).at("/files/0/path").textValue()).isEqualTo(file.toString());
  }

  /**
   * Runs {@code file} with the companion in JSON and in text; checks the exit code, that the file
   * has a diagnostic with {@code code}, and that the companion was checked. Returns the first
   * diagnostic with that code.
   */
  private JsonNode assertReported(Path file, int exit, String code) throws Exception {
    CliResult r = run("validate", "--format", "json", file.toString(), companion.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(exit);
    assertThat(r.err()).as(r.toString()).isEmpty();
    JsonNode files = MAPPER.readTree(r.out()).get("files");
    assertThat(files).as(r.toString()).hasSize(2);
    assertThat(files.get(0).get("path").textValue()).isEqualTo(file.toString());
    JsonNode found = null;
    for (JsonNode d : files.get(0).get("diagnostics")) {
      if (d.get("code").textValue().equals(code) && found == null) {
        found = d;
      }
      assertThat(d.get("message").textValue()).as(r.toString()).doesNotContainPattern("\\R");
      assertThat(d.get("line").intValue()).as("1-based\n%s", r).isPositive();
      assertThat(d.get("column").intValue()).as("1-based\n%s", r).isPositive();
    }
    assertThat(found).as("a %s diagnostic in\n%s", code, r).isNotNull();
    assertCompanionChecked(files, r);

    CliResult text = run("validate", file.toString(), companion.toString());
    assertThat(text.exitCode()).as(text.toString()).isEqualTo(exit);
    assertThat(text.err()).as(text.toString()).isEmpty();
    assertThat(text.out())
        .as(text.toString())
        .contains(
            file
                + ":"
                + found.get("line").intValue()
                + ":"
                + found.get("column").intValue()
                + ": error["
                + code
                + "]: ")
        .contains("2 files checked");
    return found;
  }

  private void assertCompanionChecked(JsonNode files, CliResult r) {
    JsonNode last = files.get(files.size() - 1);
    assertThat(last.get("path").textValue()).as(r.toString()).isEqualTo(companion.toString());
    assertThat(codes(last)).as(r.toString()).containsExactly("unused-exit");
  }

  private List<String> findings(Path file) throws Exception {
    CliResult r = run("validate", "--format", "json", file.toString());
    List<String> out = new ArrayList<>();
    for (JsonNode d : MAPPER.readTree(r.out()).at("/files/0/diagnostics")) {
      out.add(
          d.get("line").intValue()
              + ":"
              + d.get("column").intValue()
              + ":"
              + d.get("code").textValue()
              + ":"
              + d.get("message").textValue());
    }
    return out;
  }

  /** One CLI run under the hang guard, with no stack trace anywhere; logs how long it took. */
  private CliResult run(String... args) {
    long start = System.nanoTime();
    CliResult r =
        assertTimeoutPreemptively(
            HANG_GUARD, () -> CliHarness.run(args), () -> "hang: " + String.join(" ", args));
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println(
        "timing "
            + testName
            + " "
            + (args[1].equals("--format") ? args[2] : "text")
            + " "
            + millis
            + " ms");
    for (String stream : List.of(r.out(), r.err())) {
      assertThat(stream).as(r.toString()).doesNotContain("\tat ").doesNotContain("Exception");
    }
    return r;
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static List<String> codes(JsonNode file) {
    List<String> codes = new ArrayList<>();
    file.get("diagnostics").forEach(d -> codes.add(d.get("code").textValue()));
    return codes;
  }
}
