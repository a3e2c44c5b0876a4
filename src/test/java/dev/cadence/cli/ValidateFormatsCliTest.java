package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cadence.cli.CliHarness.CliResult;
import dev.cadence.report.validate.CodeScanningRules;
import dev.cadence.report.validate.JunitSchema;
import dev.cadence.report.validate.SarifSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every --format of {@code cadence validate}, end to end on real files. */
class ValidateFormatsCliTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;
  private String bad;
  private String warned;
  private String ok;

  @BeforeEach
  void files() throws IOException {
    // An unknown key and an unknown step whose names hold XML, JSON and GitHub special characters.
    bad =
        write(
            "bad.yaml",
            """
        cadence: bad
        "k<&>\\"%,:": 1
        steps:
          - id: first
            channel: call
            next: 'x<&>"y'
        """);
    warned =
        write(
            "warn.yaml",
            """
        cadence: warny
        steps:
          - id: a
            channel: call
            next: {exit: done}
          - id: b
            channel: task
        exits:
          done: {}
          unused: {}
        """);
    ok =
        write(
            "ok.yml",
            """
        cadence: tiny
        steps:
          - id: call-them
            channel: call
        """);
  }

  @Test
  void jsonFollowsTheContract() throws Exception {
    CliResult r = CliHarness.run("validate", "--format", "json", bad, warned, ok);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).as(r.toString()).isEmpty();
    JsonNode root = MAPPER.readTree(r.out());
    assertThat(names(root)).as(r.toString()).containsExactly("valid", "files");
    assertThat(root.get("valid").booleanValue()).isFalse();
    assertThat(root.get("files")).hasSize(3);
    List<String> paths = new ArrayList<>();
    List<String> cadences = new ArrayList<>();
    for (JsonNode file : root.get("files")) {
      assertThat(names(file)).as(r.toString()).containsExactly("path", "cadence", "diagnostics");
      paths.add(file.get("path").textValue());
      cadences.add(file.get("cadence").textValue());
      for (JsonNode d : file.get("diagnostics")) {
        assertThat(names(d))
            .as(r.toString())
            .containsExactly("severity", "code", "message", "line", "column");
        assertThat(d.get("severity").textValue()).isIn("error", "warning");
        assertThat(d.get("line").isInt() && d.get("column").isInt()).isTrue();
        assertThat(d.get("line").intValue()).as("1-based: %s", d).isPositive();
        assertThat(d.get("column").intValue()).as("1-based: %s", d).isPositive();
      }
    }
    assertThat(paths).containsExactly(bad, warned, ok);
    assertThat(cadences).containsExactly("bad", "warny", "tiny");
    assertThat(codes(root.get("files").get(0))).contains("unknown-key", "unknown-step");
    assertThat(codes(root.get("files").get(1))).containsExactly("unreachable-step", "unused-exit");
    assertThat(root.get("files").get(2).get("diagnostics")).isEmpty();
    JsonNode unknownKey = root.get("files").get(0).get("diagnostics").get(0);
    assertThat(unknownKey.get("message").textValue()).startsWith("unknown key `k<&>\"%,:`");
    assertThat(unknownKey.get("line").intValue()).isEqualTo(2);
    assertThat(unknownKey.get("column").intValue()).isEqualTo(1);
  }

  @Test
  void jsonValidIsTrueWhenOnlyWarningsAndFalseUnderStrict() throws Exception {
    CliResult lenient = CliHarness.run("validate", "--format", "json", warned, ok);
    assertThat(lenient.exitCode()).as(lenient.toString()).isEqualTo(0);
    assertThat(MAPPER.readTree(lenient.out()).get("valid").booleanValue()).isTrue();
    CliResult strict = CliHarness.run("validate", "--format", "json", "--strict", warned, ok);
    assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(1);
    assertThat(MAPPER.readTree(strict.out()).get("valid").booleanValue()).isFalse();
  }

  @Test
  void jsonStaysParseableWhenAPathIsMissing() throws Exception {
    String missing = dir.resolve("nope.yaml").toString();
    CliResult r = CliHarness.run("validate", "--format", "json", missing, ok);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .as(r.toString())
        .isEqualTo("error: no such file or directory: " + missing + "\n");
    assertThat(MAPPER.readTree(r.out()).get("files")).hasSize(1);
  }

  @Test
  void junitIsWellFormedWithOneTestCasePerFile() throws Exception {
    CliResult r = CliHarness.run("validate", "--format", "junit", bad, warned, ok);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(JunitSchema.problems(r.out())).as(r.toString()).isEmpty();
    Document doc = parseXml(r.out());
    assertThat(doc.getDocumentElement().getAttribute("tests")).as(r.toString()).isEqualTo("3");
    assertThat(doc.getDocumentElement().getAttribute("failures")).as(r.toString()).isEqualTo("1");
    List<Element> cases = elements(doc.getElementsByTagName("testcase"));
    assertThat(cases).extracting(c -> c.getAttribute("name")).containsExactly(bad, warned, ok);
    assertThat(cases)
        .extracting(c -> c.getElementsByTagName("failure").getLength())
        .containsExactly(1, 0, 0);
    Element failure = (Element) cases.get(0).getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("message")).contains("unknown key `k<&>\"%,:`");
    assertThat(failure.getTextContent()).contains("unknown step `x<&>\"y`");
  }

  @Test
  void junitUnderStrictFailsTheWarnedFileToo() throws Exception {
    CliResult r = CliHarness.run("validate", "--format", "junit", "--strict", warned, ok);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    Document doc = parseXml(r.out());
    assertThat(doc.getDocumentElement().getAttribute("failures")).as(r.toString()).isEqualTo("1");
    assertThat(elements(doc.getElementsByTagName("testcase")))
        .extracting(c -> c.getElementsByTagName("failure").getLength())
        .containsExactly(1, 0);
  }

  @Test
  void sarifValidatesAgainstTheSchemaAndPointsAtTheFindings() throws Exception {
    CliResult r = CliHarness.run("validate", "--format", "sarif", bad, warned, ok);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    JsonNode root = MAPPER.readTree(r.out());
    assertThat(SarifSchema.problems(root)).as(r.toString()).isEmpty();
    assertThat(CodeScanningRules.problems(root)).as(r.toString()).isEmpty();
    JsonNode run = root.get("runs").get(0);
    List<String> rules = new ArrayList<>();
    run.at("/tool/driver/rules").forEach(rule -> rules.add(rule.get("id").textValue()));
    assertThat(rules).doesNotHaveDuplicates();
    List<String> located = new ArrayList<>();
    for (JsonNode result : run.get("results")) {
      assertThat(rules.get(result.get("ruleIndex").intValue()))
          .isEqualTo(result.get("ruleId").textValue());
      assertThat(result.get("level").textValue()).isIn("error", "warning");
      JsonNode loc = result.at("/locations/0/physicalLocation");
      located.add(
          path(run, loc.at("/artifactLocation"))
              + ":"
              + loc.at("/region/startLine").intValue()
              + ":"
              + loc.at("/region/startColumn").intValue()
              + ":"
              + result.get("ruleId").textValue());
    }
    assertThat(located).contains(bad + ":2:1:unknown-key", warned + ":6:9:unreachable-step");
  }

  /** The file an artifactLocation names, resolved against its base as a consumer does. */
  private static String path(JsonNode run, JsonNode artifact) throws Exception {
    URI uri = new URI(artifact.get("uri").textValue());
    if (artifact.has("uriBaseId")) {
      String base = artifact.get("uriBaseId").textValue();
      uri = new URI(run.at("/originalUriBaseIds/" + base + "/uri").textValue()).resolve(uri);
    }
    return Path.of(uri).toString();
  }

  @Test
  void sarifNamesFilesUnderTheWorkingDirectoryRelativeToIt() throws Exception {
    String fixture = "src/test/resources/schema/invalid/bad-model.yaml";
    CliResult r =
        CliHarness.run(
            "validate", "--format", "sarif", Path.of(fixture).toAbsolutePath().toString());
    JsonNode run = MAPPER.readTree(r.out()).at("/runs/0");
    assertThat(CodeScanningRules.problems(MAPPER.readTree(r.out()))).as(r.toString()).isEmpty();
    JsonNode artifact = run.at("/results/0/locations/0/physicalLocation/artifactLocation");
    // Relative to the checkout, however the path was given: what code scanning matches to files.
    assertThat(artifact.get("uri").textValue()).as(r.toString()).isEqualTo(fixture);
    assertThat(artifact.get("uriBaseId").textValue()).isEqualTo("%SRCROOT%");
    assertThat(path(run, artifact)).isEqualTo(Path.of(fixture).toAbsolutePath().toString());
  }

  @Test
  void sarifColumnsAreCodePointsAndSaySo() throws Exception {
    // Two emoji (two UTF-16 units each) before the bad duration: column 36 in code points, 37 in
    // UTF-16 units. The text output and SARIF agree, and SARIF declares its unit.
    String emoji =
        write(
            "emoji.yaml",
            "cadence: emo\nschedule: {timezone: \"\uD83D\uDE00\", min_gap: 1x}\nsteps:\n"
                + "  - id: a\n    channel: call\n");
    String line = Files.readAllLines(Path.of(emoji)).get(1);
    int codePoints = line.codePointCount(0, line.indexOf("1x")) + 1;
    assertThat(codePoints).isEqualTo(36);
    CliResult text = CliHarness.run("validate", emoji);
    assertThat(text.out()).contains(emoji + ":2:" + codePoints + ": error[bad-duration]");
    CliResult r = CliHarness.run("validate", "--format", "sarif", emoji);
    JsonNode run = MAPPER.readTree(r.out()).at("/runs/0");
    assertThat(run.get("columnKind").textValue()).isEqualTo("unicodeCodePoints");
    List<Integer> columns = new ArrayList<>();
    run.get("results")
        .forEach(
            x -> columns.add(x.at("/locations/0/physicalLocation/region/startColumn").intValue()));
    assertThat(columns).as(r.toString()).contains(codePoints);
  }

  @Test
  void githubWritesOneWorkflowCommandPerFinding() {
    CliResult r = CliHarness.run("validate", "--format", "github", bad, warned, ok);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    Pattern command =
        Pattern.compile(
            "::(error|warning) file=([^,:]+),line=(\\d+),col=(\\d+),title=cadence ([a-z-]+)::(.*)");
    List<String> lines = r.out().lines().toList();
    for (String line : lines) {
      assertThat(command.matcher(line).matches()).as(line + "\n" + r).isTrue();
    }
    assertThat(lines)
        .as(r.toString())
        .anyMatch(
            l ->
                l.startsWith(
                    "::error file="
                        + bad.replace(":", "%3A")
                        + ",line=2,col=1,title=cadence unknown-key::"
                        + "unknown key `k<&>\"%25,:`"))
        .anyMatch(
            l ->
                l.startsWith(
                    "::warning file=" + warned + ",line=6,col=9,title=cadence unreachable-step::"));
    assertThat(lines)
        .as("no summary line in the github format\n" + r)
        .noneMatch(l -> l.contains("checked"));
  }

  @Test
  void textIsCompilerStyleWithASummary() {
    CliResult r = CliHarness.run("validate", bad, warned, ok);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0))
        .as(r.toString())
        .startsWith(bad + ":2:1: error[unknown-key]: unknown key `k<&>\"%,:`");
    assertThat(lines)
        .as(r.toString())
        .contains(
            warned
                + ":6:9: warning[unreachable-step]: step `b` cannot be reached from the first step `a`;"
                + " point an outcome or `next` at it, or remove it");
    assertThat(lines.subList(0, lines.size() - 1))
        .as(r.toString())
        .allMatch(l -> l.matches(".+:\\d+:\\d+: (error|warning)\\[[a-z-]+\\]: .+"));
    assertThat(lines.get(lines.size() - 1))
        .as(r.toString())
        .matches("3 files checked: \\d+ errors, 2 warnings");
  }

  @Test
  void textQuietPrintsFindingsButNoSummary() {
    CliResult r = CliHarness.run("validate", "--quiet", bad, warned, ok);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).as(r.toString()).contains("error[unknown-key]").doesNotContain("checked");
    CliResult clean = CliHarness.run("validate", "-q", ok);
    assertThat(clean.exitCode()).as(clean.toString()).isEqualTo(0);
    assertThat(clean.out()).as(clean.toString()).isEmpty();
  }

  @Test
  void strictTurnsWarningsIntoFailure() {
    CliResult lenient = CliHarness.run("validate", warned);
    assertThat(lenient.exitCode()).as(lenient.toString()).isEqualTo(0);
    assertThat(lenient.out())
        .as(lenient.toString())
        .endsWith("1 file checked: 0 errors, 2 warnings\n");
    CliResult strict = CliHarness.run("validate", "--strict", warned);
    assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(1);
    assertThat(strict.out())
        .as(strict.toString())
        .endsWith("1 file checked: 0 errors, 2 warnings (warnings fail under --strict)\n");
    CliResult strictClean = CliHarness.run("validate", "--strict", ok);
    assertThat(strictClean.exitCode()).as(strictClean.toString()).isEqualTo(0);
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    CliResult r = CliHarness.run("validate", "--format", "yaml", ok);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).as(r.toString()).startsWith("error: ").contains("yaml");
    assertThat(r.out()).as(r.toString()).isEmpty();
  }

  private String write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file.toString();
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> codes(JsonNode file) {
    List<String> codes = new ArrayList<>();
    file.get("diagnostics").forEach(d -> codes.add(d.get("code").textValue()));
    return codes;
  }

  private static Document parseXml(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> elements(NodeList nodes) {
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }
}
