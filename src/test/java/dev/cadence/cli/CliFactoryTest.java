package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CliFactoryTest {
  @Test
  void aKnownCommandBuildsOnlyThatSubcommandForAFastStart() {
    var cli =
        Cli.create(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "validate");
    assertThat(cli.getSubcommands().keySet()).containsExactly("validate");
  }

  @Test
  void helpAndTyposGetEverySubcommand() {
    var cli =
        Cli.create(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "--help");
    assertThat(cli.getSubcommands().keySet())
        .containsExactly(
            "init",
            "validate",
            "schema",
            "plan",
            "simulate",
            "enroll",
            "run",
            "inbox",
            "unsubscribe",
            "serve",
            "record",
            "resolve",
            "status",
            "tasks",
            "log",
            "analyze",
            "recommend",
            "demo",
            "help",
            "completion");
    var typo = CliHarness.run("valdate", "x");
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("Did you mean: cadence validate");
  }
}
