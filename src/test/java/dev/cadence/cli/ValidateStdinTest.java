package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code cadence validate -}: a cadence on standard input, e.g. from an editor or a pre-commit
 * hook.
 */
class ValidateStdinTest {
  private static CommandContext stdin(byte[] bytes) {
    return CommandContext.system().withStdin(new ByteArrayInputStream(bytes));
  }

  @Test
  void aCadenceOnStandardInputIsValidatedAndNamedDash() {
    String noTemplates =
        """
        cadence: piped
        steps:
          - id: call
            day: 1
            channel: call
        """;

    CliHarness.CliResult ok =
        CliHarness.run(
            stdin(noTemplates.getBytes(StandardCharsets.UTF_8)),
            "validate",
            "--format",
            "json",
            "-");
    CliHarness.CliResult broken =
        CliHarness.run(
            stdin("cadence: piped\nsteps:\n  - id: a\n    chanel: call\n".getBytes()),
            "validate",
            "-");

    assertThat(ok.exitCode()).as(ok.toString()).isZero();
    assertThat(ok.out()).contains("\"path\" : \"-\"");
    assertThat(broken.exitCode()).as(broken.toString()).isEqualTo(1);
    assertThat(broken.out()).as(broken.toString()).contains("-:4:5: error[");
  }

  @Test
  void standardInputGoesWithOtherPaths() {
    CliHarness.CliResult r =
        CliHarness.run(
            stdin(
                "cadence: refund-process\nsteps:\n  - id: a\n    day: 1\n    channel: call\n"
                    .getBytes()),
            "validate",
            "cadences/",
            "-");

    // The piped cadence claims the id of a sample: the cross-file check sees both.
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("-:1:");
  }
}
