package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.cli.CliHarness.CliResult;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** {@code cadence --version}: the version, the commit and the date of the build. */
class BuildInfoTest {
  @Test
  void versionNamesTheBuildsVersionCommitAndDate() {
    CliResult r = CliHarness.run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out().lines().toList())
        .hasSize(2)
        .satisfies(
            lines -> {
              assertThat(lines.get(0)).matches("cadence \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
              assertThat(lines.get(1))
                  .matches(
                      "(commit [0-9a-f]{7,40}|unknown commit), built"
                          + " \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            });
    assertThat(r.out()).isEqualTo(CliHarness.runThroughPicocli("--version").out());
  }

  @Test
  void aBuildWithoutGitSaysUnknownCommit() {
    Properties p = new Properties();
    p.setProperty("version", "1.2.3");
    p.setProperty("commit", "unknown");
    p.setProperty("date", "2026-12-04T10:00:00Z");
    assertThat(BuildInfo.lines(p))
        .containsExactly("cadence 1.2.3", "unknown commit, built 2026-12-04T10:00:00Z");
  }

  @Test
  void valuesLeftUnfilteredAreNotShown() {
    Properties p = new Properties();
    p.setProperty("version", "${project.version}");
    p.setProperty("commit", "${buildNumber}");
    assertThat(BuildInfo.lines(p))
        .containsExactly("cadence unknown version", "unknown commit, built at an unknown date");
  }
}
