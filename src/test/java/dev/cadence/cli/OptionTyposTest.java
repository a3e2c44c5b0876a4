package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** A mistyped option gets the closest one the command takes, in every command. */
class OptionTyposTest {

  /** Every visible long option of every subcommand, with a typo: two letters swapped. */
  static Stream<Arguments> everyOption() {
    CommandLine cli =
        Cli.create(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    List<Arguments> cases = new ArrayList<>();
    cli.getSubcommands()
        .forEach(
            (name, sub) -> {
              if (name.equals("help")) {
                return; // picocli's own, which shows the help whatever follows it
              }
              for (OptionSpec o : sub.getCommandSpec().options()) {
                String longName = o.longestName();
                if (!o.hidden() && longName.startsWith("--") && longName.length() > 5) {
                  cases.add(Arguments.of(name, longName, swapped(longName)));
                }
              }
            });
    return cases.stream();
  }

  /** --format -> --fromat: the third and fourth letters swapped. */
  static String swapped(String option) {
    char[] c = option.toCharArray();
    char t = c[3];
    c[3] = c[4];
    c[4] = t;
    return new String(c);
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("everyOption")
  void everyCommandSuggestsTheOptionMeant(String command, String meant, String typed) {
    if (typed.equals(meant)) {
      return; // --dry-run swapped at a repeated letter: no typo
    }
    CliHarness.CliResult r = CliHarness.run(command, typed);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .as(r.toString())
        .startsWith("error: unknown option " + typed + " for `cadence " + command + "`\n")
        .contains("Did you mean: " + meant + "?");
  }

  @Test
  void theTypoIsReportedBeforeARequiredOptionThatSeemsMissing() {
    CliHarness.CliResult r = CliHarness.run("plan", "--fromat", "json");

    assertThat(r.err())
        .as(r.toString())
        .isEqualTo("error: unknown option --fromat for `cadence plan`\nDid you mean: --format?\n");
  }

  @Test
  void optionValuesClustersAndStandardInputAreNoTypos() {
    // -qv is -q -v; "-" is standard input; --now's value may start with a dash.
    CliHarness.CliResult r = CliHarness.run("plan", "-qv", "-", "--now", "-1", "--leads");

    assertThat(r.err()).as(r.toString()).doesNotContain("unknown option");
    CliHarness.CliResult valid = CliHarness.run("validate", "--fromat=json", "cadences/");
    assertThat(valid.err())
        .as(valid.toString())
        .isEqualTo(
            "error: unknown option --fromat for `cadence validate`\nDid you mean: --format?\n");
  }

  @Test
  void withoutACloseOptionTheHelpIsNamed() {
    CliHarness.CliResult r = CliHarness.run("tasks", "--zzzzzz");

    assertThat(r.err())
        .as(r.toString())
        .isEqualTo(
            "error: unknown option --zzzzzz for `cadence tasks`\n"
                + "Try 'cadence tasks --help' for more information.\n");
  }
}
