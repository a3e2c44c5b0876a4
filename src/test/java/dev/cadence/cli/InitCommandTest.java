package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cadence init}: a starter project that validates, plans and simulates as it is. */
class InitCommandTest {
  @TempDir Path dir;

  private static CliHarness.CliResult ok(CliHarness.CliResult r) {
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r;
  }

  @Test
  void theStarterProjectValidatesStrictlyPlansAndSimulates() throws Exception {
    Path project = dir.resolve("sales-cadences");
    CliHarness.CliResult init = ok(CliHarness.run("init", project.toString()));

    assertThat(init.out()).contains("cadences/first-touch.yaml", "next:", "cd " + project);
    String cadences = project.resolve("cadences").toString();
    String cadence = project.resolve("cadences/first-touch.yaml").toString();
    String leads = project.resolve("leads.csv").toString();
    assertThat(ok(CliHarness.run("validate", "--strict", cadences)).out())
        .endsWith("0 errors, 0 warnings\n");
    CliHarness.CliResult plan =
        ok(CliHarness.run("plan", cadence, "--leads", leads, "--start", "2026-12-01"));
    assertThat(plan.err()).as(plan.toString()).isEmpty();
    assertThat(plan.out()).contains("L-0005", "follow-up-email");
    CliHarness.CliResult simulate =
        ok(
            CliHarness.run(
                "simulate",
                cadence,
                "--leads",
                leads,
                "--start",
                "2026-12-01",
                "--out",
                project.resolve("outcomes.csv").toString()));
    assertThat(simulate.out()).startsWith("simulated 5 leads");
    ok(CliHarness.run("analyze", project.resolve("outcomes.csv").toString()));
  }

  @Test
  void itBringsAGitignoreForTheStoreAndACiWorkflowThatValidates() throws Exception {
    ok(CliHarness.run("init", dir.toString()));

    assertThat(Files.readString(dir.resolve(".gitignore"))).contains("cadence.db\n");
    assertThat(Files.readString(dir.resolve(".github/workflows/cadence.yml")))
        .contains("cadence validate --format github --strict cadences/")
        .contains("java-version: \"17\"");
  }

  @Test
  void nothingIsOverwritten() throws Exception {
    Files.writeString(dir.resolve("leads.csv"), "mine\n");

    CliHarness.CliResult r = CliHarness.run("init", dir.toString());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("already has leads.csv; nothing written");
    assertThat(Files.readString(dir.resolve("leads.csv"))).isEqualTo("mine\n");
    assertThat(dir.resolve("cadences")).doesNotExist();
    Path file = Files.writeString(dir.resolve("file"), "");
    assertThat(CliHarness.run("init", file.toString()).exitCode()).isEqualTo(2);
  }
}
