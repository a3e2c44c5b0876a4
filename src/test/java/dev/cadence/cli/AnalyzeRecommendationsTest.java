package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cadence.cli.CliHarness.CliResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * analyze's JSON carries the contract's {@code recommendations} key, filled by recommend's rules.
 */
class AnalyzeRecommendationsTest {
  @TempDir Path dir;

  @Test
  void analyzeJsonListsTheSwap() throws Exception {
    Path log = AbLogs.write(dir.resolve("log.csv"), 100, 6, 30);
    CliResult r = CliHarness.run("analyze", log.toString(), "--format", "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode recs = new ObjectMapper().readTree(r.out()).get("recommendations");
    assertThat(recs).as(r.toString()).hasSize(1);
    JsonNode swap = recs.get(0);
    assertThat(swap.get("type").asText()).isEqualTo("swap_channel");
    for (String key :
        new String[] {
          "cadence",
          "step",
          "position",
          "from",
          "to",
          "from_rate",
          "to_rate",
          "p_value",
          "n_from",
          "n_to"
        }) {
      assertThat(swap.has(key)).as(key + " in " + swap).isTrue();
    }
    CliResult rec = CliHarness.run("recommend", log.toString(), "--format", "json");
    assertThat(new ObjectMapper().readTree(rec.out()).get("recommendations").get(0))
        .isEqualTo(swap);
  }

  @Test
  void noEvidenceNoRecommendation() throws Exception {
    Path log = AbLogs.write(dir.resolve("log.csv"), 100, 20, 20);
    CliResult r = CliHarness.run("analyze", log.toString(), "--format", "json");
    assertThat(new ObjectMapper().readTree(r.out()).get("recommendations"))
        .as(r.toString())
        .isEmpty();
  }

  @Test
  void analyzeTakesTheTestSettingsOfTheContract() throws Exception {
    Path log = AbLogs.write(dir.resolve("log.csv"), 100, 6, 30);
    // 100 touches a side: below --min-n 101 the swap is not tested, so it is not recommended.
    CliResult strictN =
        CliHarness.run("analyze", log.toString(), "--format", "json", "--min-n", "101");
    assertThat(strictN.exitCode()).as(strictN.toString()).isZero();
    JsonNode recs = new ObjectMapper().readTree(strictN.out()).get("recommendations");
    assertThat(recs)
        .as(strictN.toString())
        .noneMatch(n -> n.get("type").asText().equals("swap_channel"));
    CliResult rec =
        CliHarness.run("recommend", log.toString(), "--format", "json", "--min-n", "101");
    assertThat(new ObjectMapper().readTree(rec.out()).get("recommendations")).isEqualTo(recs);

    // A p-value must be below --alpha: one tiny enough refuses the swap too.
    CliResult tinyAlpha =
        CliHarness.run("analyze", log.toString(), "--format", "json", "--alpha", "1e-12");
    assertThat(new ObjectMapper().readTree(tinyAlpha.out()).get("recommendations"))
        .as(tinyAlpha.toString())
        .noneMatch(n -> n.get("type").asText().equals("swap_channel"));

    CliResult bad = CliHarness.run("analyze", log.toString(), "--alpha", "1.5");
    assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(2);
    assertThat(bad.err()).contains("alpha").doesNotContain("Exception");
  }
}
