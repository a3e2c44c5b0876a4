package dev.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cadence.cli.CliHarness;
import dev.cadence.engine.DefaultPath;
import dev.cadence.engine.Engine;
import dev.cadence.model.Cadence;
import dev.cadence.model.Lead;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sample cadences under {@code cadences/}: they all validate, and every seed example has one.
 */
class SamplesTest {
  private static final Path SAMPLES = Path.of("cadences");

  /** Each example of the seed (brief/seed-digest.md, by section) and the sample that encodes it. */
  private static final Map<String, String> SAMPLE_OF_SEED_EXAMPLE = new LinkedHashMap<>();

  static {
    SAMPLE_OF_SEED_EXAMPLE.put(
        "section 1: work order needs work status and invoice date", "work-order.yaml");
    SAMPLE_OF_SEED_EXAMPLE.put(
        "section 1: not interested only after 2 emails and 1 call",
        "outbound-lead-qualification.yaml");
    SAMPLE_OF_SEED_EXAMPLE.put("section 2: transactional model", "inbound-prospecting.yaml");
    SAMPLE_OF_SEED_EXAMPLE.put("section 2: relational model", "staged-branching.yaml");
    SAMPLE_OF_SEED_EXAMPLE.put("section 3: inbound prospecting", "inbound-prospecting.yaml");
    SAMPLE_OF_SEED_EXAMPLE.put(
        "section 3: outbound lead qualification", "outbound-lead-qualification.yaml");
    SAMPLE_OF_SEED_EXAMPLE.put("section 4: staged (branching) cadence", "staged-branching.yaml");
    SAMPLE_OF_SEED_EXAMPLE.put(
        "section 4: no response -> re-contact later", "recontact-later.yaml");
    SAMPLE_OF_SEED_EXAMPLE.put(
        "section 5: e-commerce incomplete order", "ecommerce-incomplete-order.yaml");
    SAMPLE_OF_SEED_EXAMPLE.put(
        "section 5: e-commerce product return", "ecommerce-product-return.yaml");
    SAMPLE_OF_SEED_EXAMPLE.put("section 5: refund process", "refund-process.yaml");
    SAMPLE_OF_SEED_EXAMPLE.put(
        "section 5: invoice only after the payments team approved", "invoice-approval.yaml");
    SAMPLE_OF_SEED_EXAMPLE.put("section 6: post-sale follow-up", "post-sale-follow-up.yaml");
    SAMPLE_OF_SEED_EXAMPLE.put("section 6: insurance claims", "insurance-claims.yaml");
    SAMPLE_OF_SEED_EXAMPLE.put(
        "section 7: weekly business reviews for key accounts", "key-account-business-reviews.yaml");
    SAMPLE_OF_SEED_EXAMPLE.put(
        "section 7: a different email per region", "outbound-lead-qualification.yaml");
  }

  @Test
  void everySampleValidatesCleanlyUnderStrict() {
    var r = CliHarness.run("validate", "--strict", SAMPLES.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).as(r.toString()).doesNotContain("error[").doesNotContain("warning[");
    assertThat(r.out())
        .as(r.toString())
        .containsPattern("(?m)^\\d+ files checked: 0 errors, 0 warnings$");
    assertThat(r.err()).as(r.toString()).isEmpty();
  }

  @Test
  void theJsonReportListsEverySampleUnderItsOwnIdWithNoDiagnostics() throws IOException {
    var r = CliHarness.run("validate", "--strict", "--format", "json", SAMPLES.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.get("valid").asBoolean()).as(r.toString()).isTrue();
    Set<String> cadenceFiles = new TreeSet<>();
    for (JsonNode file : report.get("files")) {
      assertThat(file.get("diagnostics")).as(file.toString()).isEmpty();
      String name = Path.of(file.get("path").asText()).getFileName().toString();
      if (name.endsWith(".yaml")) {
        // One cadence per file, named after its id: `cadence validate` output and handoffs stay
        // easy to follow.
        assertThat(file.get("cadence").asText())
            .as(file.toString())
            .isEqualTo(name.replaceFirst("\\.yaml$", ""));
        cadenceFiles.add(name);
      }
    }
    assertThat(cadenceFiles).as(r.toString()).isEqualTo(sampleFiles());
  }

  @Test
  void everySamplePlaysThroughItsDefaultPathToAnEnd() throws IOException {
    // The engine refuses a guarded exit taken too early and stops at a step that never completes;
    // validate checks the graph, this checks that a lead who never answers really gets through.
    Lead lead =
        new Lead(
            "L1",
            Map.of("id", "L1", "region", "EMEA-FR"),
            Optional.of(ZoneId.of("Europe/Paris")),
            false,
            2);
    for (String file : sampleFiles()) {
      Cadence cadence =
          TestCadences.parse(Files.readString(SAMPLES.resolve(file), StandardCharsets.UTF_8));
      DefaultPath.Plan plan =
          DefaultPath.plan(new Engine(cadence), lead, Instant.parse("2026-03-02T07:30:00Z"), 100);
      assertThat(plan.stop()).as(file + " default path: " + plan.touches()).isEmpty();
      assertThat(plan.end().ending()).as(file).isPresent();
      assertThat(plan.touches()).as(file).isNotEmpty();
    }
  }

  @Test
  void everySeedExampleHasASample() throws IOException {
    assertThat(sampleFiles()).containsAll(SAMPLE_OF_SEED_EXAMPLE.values());
  }

  /**
   * The header tells a user what the sample is an example of and which concepts it shows, in the
   * user's words: the sections of the source material stay in this test's map, not in the file.
   */
  @Test
  void everySampleOpensWithAHeaderNamingItsExampleAndConcepts() throws IOException {
    for (String file : sampleFiles()) {
      String header = header(file);
      assertThat(header)
          .as(file)
          .startsWith("# Example: ")
          .containsPattern("(?m)^# Concepts shown: ")
          .doesNotContainPattern("(?i)seed|section \\d");
    }
  }

  /** The comment lines a sample opens with. */
  private static String header(String file) throws IOException {
    List<String> lines = Files.readAllLines(SAMPLES.resolve(file), StandardCharsets.UTF_8);
    return String.join("\n", lines.stream().takeWhile(l -> l.startsWith("#")).toList());
  }

  private static Set<String> sampleFiles() throws IOException {
    try (Stream<Path> files = Files.list(SAMPLES)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml") || n.endsWith(".yml"))
          .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }
  }
}
