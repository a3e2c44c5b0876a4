package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cadence.analytics.recommend.SampleSize;
import dev.cadence.analytics.recommend.TwoProportionTest;
import dev.cadence.cli.CliHarness.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendCommandTest {
  @TempDir Path dir;

  /** The text report with its wrapped lines joined, so that a sentence can be looked for whole. */
  private static String flat(String out) {
    return out.replace("\n   ", " ");
  }

  private Path log() throws Exception {
    // Arm A: 6 of 100 third emails replied; arm B: 30 of 100 third calls connected.
    return AbLogs.write(dir.resolve("log.csv"), 100, 6, 30);
  }

  @Test
  void theThirdEmailThatACallBeatsIsRecommendedWithItsEvidence() throws Exception {
    CliResult r = CliHarness.run("recommend", log().toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(flat(r.out()))
        .as(r.toString())
        .contains("1. Make followup-email a call instead of an email")
        .contains("As touch 3, calls in this cadence got a response 30.0% [")
        .contains("this step's emails 6.0% [")
        .contains("of 100")
        .doesNotContain("Change (");
    assertThat(r.err()).as(r.toString()).isEmpty();
  }

  @Test
  void jsonHasTheContractKeys() throws Exception {
    Path cadence = AbLogs.cadence(dir.resolve("cadences"));
    CliResult r =
        CliHarness.run(
            "recommend", log().toString(), "--cadence", cadence.toString(), "--format", "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertThat(root.get("alpha").asDouble()).isEqualTo(0.05);
    assertThat(root.get("min_n").asLong()).isEqualTo(30);
    assertThat(root.get("touches").asLong()).isEqualTo(600);
    JsonNode swap = root.get("recommendations").get(0);
    assertThat(swap.get("type").asText()).isEqualTo("swap_channel");
    assertThat(swap.get("cadence").asText()).isEqualTo("out");
    assertThat(swap.get("step").asText()).isEqualTo("followup-email");
    assertThat(swap.get("position").isInt()).isTrue();
    assertThat(swap.get("position").asInt()).isEqualTo(3);
    assertThat(swap.get("from").asText()).isEqualTo("email");
    assertThat(swap.get("to").asText()).isEqualTo("call");
    assertThat(swap.get("from_rate").asDouble()).isEqualTo(0.06);
    assertThat(swap.get("to_rate").asDouble()).isEqualTo(0.30);
    assertThat(swap.get("p_value").asDouble())
        .isEqualTo(TwoProportionTest.greater(30, 100, 6, 100).pValue());
    assertThat(swap.get("n_from").asLong()).isEqualTo(100);
    assertThat(swap.get("n_to").asLong()).isEqualTo(100);
    assertThat(swap.get("file").asText()).isEqualTo(cadence.toString());
    assertThat(swap.get("line").asInt()).isEqualTo(21);
    assertThat(swap.get("status").asText()).isEqualTo("proposed");
    assertThat(swap.get("change").asText()).startsWith("channel: email -> call");
  }

  @Test
  void dryRunShowsTheDiffAndWritesNothing() throws Exception {
    Path cadence = AbLogs.cadence(dir.resolve("cadences"));
    String before = Files.readString(cadence);
    CliResult r =
        CliHarness.run("recommend", log().toString(), "--cadence", cadence.toString(), "--dry-run");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(flat(r.out()))
        .as(r.toString())
        .contains(
            "Change (planned): channel: email -> call (variants removed, template removed, script: outbound-followup-call added)");
    assertThat(r.out())
        .as(r.toString())
        .contains("--- " + cadence + "\n+++ " + cadence + "\n@@ -18,10 +18,8 @@\n")
        .contains("-    channel: email                    # the third touch\n")
        .contains("+    channel: call                     # the third touch\n")
        .contains("+    script: outbound-followup-call\n")
        .contains("Nothing written (--dry-run)");
    assertThat(Files.readString(cadence)).isEqualTo(before);
  }

  @Test
  void applyWritesOnlyTheLinesConcernedAndTheResultValidates() throws Exception {
    Path cadence = AbLogs.cadence(dir.resolve("cadences"));
    String before = Files.readString(cadence);
    CliResult r =
        CliHarness.run("recommend", log().toString(), "--cadence", cadence.toString(), "--apply");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .as(r.toString())
        .contains("Change (applied)")
        .contains("Wrote " + cadence + ".");
    String after = Files.readString(cadence);
    List<String> removed = before.lines().filter(l -> !after.lines().toList().contains(l)).toList();
    List<String> added = after.lines().filter(l -> !before.lines().toList().contains(l)).toList();
    assertThat(removed)
        .containsExactly(
            "    channel: email                    # the third touch",
            "    template: outbound-followup       # templates/outbound-followup.md",
            "    variants:                         # region -> template",
            "      EMEA-FR: intro");
    assertThat(added)
        .containsExactly(
            "    channel: call                     # the third touch",
            "    script: outbound-followup-call");
    assertThat(after)
        .contains(
            "# An A/B run: half the leads got an email",
            "  # The step the data says to change.\n",
            "\n\n  - id: final-email");
    CliResult valid = CliHarness.run("validate", cadence.toString());
    assertThat(valid.exitCode()).as(valid.toString()).isZero();

    CliResult again =
        CliHarness.run("recommend", log().toString(), "--cadence", cadence.toString(), "--apply");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(flat(again.out()))
        .as(again.toString())
        .contains("Already done: step `followup-email` is already a call step")
        .contains("No change to the cadence files.");
    assertThat(Files.readString(cadence)).isEqualTo(after);
  }

  @Test
  void aRefusedChangeLeavesTheFileAndExitsOne() throws Exception {
    Path cadence = AbLogs.cadence(dir.resolve("cadences"));
    // An outcome only an email has: the step cannot become a call without redesigning its branch.
    Files.writeString(
        cadence,
        Files.readString(cadence)
            .replace(
                "    status: Attempted to contact\n",
                "    status: Attempted to contact\n    on: { opened: final-email }\n"));
    String before = Files.readString(cadence);
    CliResult r =
        CliHarness.run("recommend", log().toString(), "--cadence", cadence.toString(), "--apply");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(flat(r.out()))
        .as(r.toString())
        .contains("Change refused: the changed cadence would not validate: ")
        .contains("error[impossible-outcome]: a call step cannot produce `opened`");
    assertThat(r.err())
        .as(r.toString())
        .contains("warning: " + cadence + ":21: swap_channel followup-email not changed:");
    assertThat(Files.readString(cadence)).isEqualTo(before);
    // Without --apply or --dry-run a refusal is information, not a failure.
    assertThat(
            CliHarness.run("recommend", log().toString(), "--cadence", cadence.toString())
                .exitCode())
        .isZero();
  }

  @Test
  void withoutAScriptOfItsOwnTheCallBorrowsTheNearestCallsScript() throws Exception {
    Path cadence = AbLogs.cadence(dir.resolve("cadences"));
    Files.delete(dir.resolve("cadences/scripts/outbound-followup-call.md"));
    CliResult r =
        CliHarness.run("recommend", log().toString(), "--cadence", cadence.toString(), "--dry-run");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(flat(r.out()))
        .as(r.toString())
        .contains("script: check-received added, as step check-call uses)");
    assertThat(r.out()).contains("+    script: check-received\n");
  }

  @Test
  void tooFewTouchesSayHowManyMoreAreNeeded() throws Exception {
    Path small = AbLogs.write(dir.resolve("small.csv"), 12, 1, 4);
    CliResult r = CliHarness.run("recommend", small.toString(), "--format", "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode item = new ObjectMapper().readTree(r.out()).get("recommendations").get(0);
    assertThat(item.get("type").asText()).isEqualTo("insufficient_evidence");
    assertThat(item.get("test").asText()).isEqualTo("swap_channel");
    long needed = SampleSize.perGroup(1 / 12.0, 4 / 12.0, 0.05, 0.8).getAsLong();
    assertThat(item.get("needed_per_side").asLong()).isEqualTo(needed);
    assertThat(item.get("more_from").asLong()).isEqualTo(Math.max(30, needed) - 12);
    CliResult text = CliHarness.run("recommend", small.toString(), "--min-n", "10");
    assertThat(text.out())
        .as(text.toString())
        .contains("1 test at alpha 0.05, at least 10 touches a side");
  }

  @Test
  void markdownForAPullRequest() throws Exception {
    Path cadence = AbLogs.cadence(dir.resolve("cadences"));
    CliResult r =
        CliHarness.run(
            "recommend",
            log().toString(),
            "--cadence",
            cadence.toString(),
            "--dry-run",
            "--format",
            "markdown");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .as(r.toString())
        .startsWith("# Recommendations\n")
        .contains("## 1. Make followup-email a call instead of an email")
        .contains("- **Change (planned)**: channel: email -> call")
        .contains("```diff\n--- ");
  }

  @Test
  void usageErrors() throws Exception {
    Path log = log();
    assertThat(CliHarness.run("recommend", dir.resolve("nope.csv").toString()).exitCode())
        .isEqualTo(2);
    CliResult noCadence = CliHarness.run("recommend", log.toString(), "--apply");
    assertThat(noCadence.exitCode()).as(noCadence.toString()).isEqualTo(2);
    assertThat(noCadence.err())
        .contains("--apply changes cadence files: name them with --cadence FILE...");
    CliResult both =
        CliHarness.run(
            "recommend",
            log.toString(),
            "--cadence",
            AbLogs.cadence(dir.resolve("c")).toString(),
            "--apply",
            "--dry-run");
    assertThat(both.exitCode()).as(both.toString()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
    CliResult alpha = CliHarness.run("recommend", log.toString(), "--alpha", "1.5");
    assertThat(alpha.exitCode()).as(alpha.toString()).isEqualTo(2);
    assertThat(alpha.err()).contains("alpha must be between 0 and 1");
    assertThat(CliHarness.run("recommend", log.toString(), "--min-n", "0").exitCode()).isEqualTo(2);
    assertThat(
            CliHarness.run(
                    "recommend", log.toString(), "--cadence", dir.resolve("none.yaml").toString())
                .exitCode())
        .isEqualTo(2);
  }

  @Test
  void anInvalidCadenceIsRefusedBeforeAnything() throws Exception {
    Path cadence = AbLogs.cadence(dir.resolve("cadences"));
    Files.writeString(
        cadence, Files.readString(cadence).replace("channel: call", "channel: telegram"));
    CliResult r =
        CliHarness.run("recommend", log().toString(), "--cadence", cadence.toString(), "--dry-run");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("error[unknown-channel]").contains("fix them first");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aLogWithOnlyAHeaderHasNothingToRecommend() throws Exception {
    Path empty =
        Files.writeString(
            dir.resolve("empty.csv"),
            "timestamp,lead_id,cadence,step,channel,template,region,event\n");
    CliResult r = CliHarness.run("recommend", empty.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("no events in");
  }

  @Test
  void nothingSignificantIsSaidPlainly() throws Exception {
    Path even = AbLogs.write(dir.resolve("even.csv"), 100, 20, 22);
    CliResult r = CliHarness.run("recommend", even.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .as(r.toString())
        .contains("0 found, 0 short of evidence; 1 test at alpha 0.05")
        .contains("No test was significant");
  }
}
