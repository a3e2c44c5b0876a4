package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.cli.CliHarness.CliResult;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
  @TempDir Path dir;

  @Test
  void theWholeLoopEndsWithASignificantRecommendationAndItsDiff() throws Exception {
    Path home = dir.resolve("demo");
    CliResult r = CliHarness.run("demo", "--dir", home.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).as(r.toString()).isEmpty();
    String out = r.out();
    assertThat(out)
        .as(r.toString())
        .contains("$ cadence validate cadences\n")
        .contains("files checked: 0 errors, 0 warnings")
        .contains("+++ variant-b/outbound-lead-qualification.yaml")
        .contains(
            "$ cadence simulate cadences/outbound-lead-qualification.yaml --leads leads-a.csv")
        .contains("$ cadence analyze log-a.csv log-b.csv")
        .contains(
            "$ cadence recommend log-a.csv log-b.csv --cadence cadences/outbound-lead-qualification.yaml --dry-run")
        .contains("1 found")
        .contains("1. Make final-email a call instead of an email")
        .contains("cadences/outbound-lead-qualification.yaml:109")
        .contains(
            "  -    channel: email\n  -    template: looking-forward\n  +    channel: call\n  +    script: leave-message\n")
        .doesNotContain(
            home.toString() + "/cadences"); // the commands read as run from the demo folder
    // The demo's files stay for the reader, and --dry-run wrote nothing.
    for (String f :
        new String[] {
          "leads-a.csv",
          "leads-b.csv",
          "log-a.csv",
          "log-b.csv",
          "response-model.yaml",
          "variant-b/outbound-lead-qualification.yaml",
          "cadences/templates/intro.md"
        }) {
      assertThat(home.resolve(f)).isRegularFile();
    }
    assertThat(Files.readString(home.resolve("cadences/outbound-lead-qualification.yaml")))
        .isEqualTo(Files.readString(Path.of("cadences/outbound-lead-qualification.yaml")));
    // The commands it prints work as printed (here with absolute paths): --apply makes the change.
    CliResult apply =
        CliHarness.run(
            "recommend",
            home.resolve("log-a.csv").toString(),
            home.resolve("log-b.csv").toString(),
            "--cadence",
            home.resolve("cadences/outbound-lead-qualification.yaml").toString(),
            "--apply");
    assertThat(apply.exitCode()).as(apply.toString()).isZero();
    assertThat(Files.readString(home.resolve("cadences/outbound-lead-qualification.yaml")))
        .contains(
            "  - id: final-email\n    name: Looking forward to hearing from you\n    day: 18\n    channel: call\n    script: leave-message\n");
  }

  @Test
  void theDemoFolderMustBeNewOrEmpty() throws Exception {
    Files.writeString(dir.resolve("something.txt"), "x");
    CliResult r = CliHarness.run("demo", "--dir", dir.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("is not empty");
    assertThat(CliHarness.run("demo", "--leads", "0").exitCode()).isEqualTo(2);
  }

  @Test
  void theSyntheticLeadsAreThoseOfTheSampleScript() throws Exception {
    var w = new java.io.StringWriter();
    dev.cadence.simulate.SyntheticLeads.write(w, 1, 300);
    Process p =
        new ProcessBuilder("sh", "samples/generate-leads.sh", "300")
            .redirectErrorStream(true)
            .start();
    String script =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(w.toString()).isEqualTo(script);
  }
}
