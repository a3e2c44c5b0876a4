package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cadence.cli.CliHarness.CliResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code cadence completion}: the scripts know every command and option, and the shells run them.
 */
class CompletionCommandTest {
  @TempDir Path dir;

  @Test
  void bashScriptCompletesCommandsAndOptionValuesInBash() throws Exception {
    CliResult bash = CliHarness.run("completion", "bash");
    assertThat(bash.exitCode()).as(bash.toString()).isZero();
    assertThat(bash.out()).contains("complete -F _complete_cadence");
    assumeTrue(onPath("bash"), "bash is not installed");
    Path script = Files.writeString(dir.resolve("cadence.bash"), bash.out());
    String replies =
        shell(
            "bash",
            "source '"
                + script
                + "'\n"
                + "complete_line() { COMP_LINE=\"$1\"; COMP_POINT=${#1}; read -ra COMP_WORDS <<<\"$1\";"
                + " [ \"${1: -1}\" = ' ' ] && COMP_WORDS+=(''); COMP_CWORD=$((${#COMP_WORDS[@]} - 1));"
                + " COMPREPLY=(); _complete_cadence; echo \"${COMPREPLY[*]}\"; }\n"
                + "complete_line 'cadence val'\n"
                + "complete_line 'cadence validate --format '\n"
                + "complete_line 'cadence completion '\n");
    assertThat(replies.lines().toList())
        .containsExactly("validate", "TEXT JSON JUNIT SARIF GITHUB", "bash zsh fish");
  }

  @Test
  void zshGetsTheBashScriptWhichEnablesBashcompinitItself() {
    CliResult zsh = CliHarness.run("completion", "zsh");
    assertThat(zsh.exitCode()).isZero();
    assertThat(zsh.out())
        .isEqualTo(CliHarness.run("completion", "bash").out())
        .contains("bashcompinit");
  }

  @Test
  void fishScriptListsEveryCommandAndOption() {
    CliResult fish = CliHarness.run("completion", "fish");
    assertThat(fish.exitCode()).as(fish.toString()).isZero();
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    CommandLine full = Cli.create(none, none);
    full.getSubcommands()
        .forEach(
            (name, sub) -> {
              assertThat(fish.out())
                  .contains("complete -c cadence -n __fish_use_subcommand -f -a " + name + " -d '");
              for (OptionSpec option : sub.getCommandSpec().options()) {
                if (option.hidden()) {
                  assertThat(fish.out()).doesNotContain(" -l " + option.longestName().substring(2));
                  continue;
                }
                String name0 = option.longestName();
                String flag =
                    name0.startsWith("--")
                        ? " -l " + name0.substring(2)
                        : " -s " + name0.substring(1);
                assertThat(fish.out().lines())
                    .as(name + " " + name0)
                    .anyMatch(
                        line ->
                            line.startsWith(
                                    "complete -c cadence -n '__fish_seen_subcommand_from "
                                        + name
                                        + "'")
                                && line.contains(flag + " "));
              }
            });
    assertThat(fish.out())
        .contains(
            "complete -c cadence -n '__fish_seen_subcommand_from validate' -l format -x -a"
                + " 'text json junit sarif github' -d 'Output format");
  }

  @Test
  void fishRunsTheScript() throws Exception {
    assumeTrue(onPath("fish"), "fish is not installed");
    Path script =
        Files.writeString(dir.resolve("cadence.fish"), CliHarness.run("completion", "fish").out());
    String replies =
        shell(
            "fish",
            "source '"
                + script
                + "'\n"
                + "complete -C 'cadence val' | cut -f1\n"
                + "complete -C 'cadence validate --format ' | cut -f1 | string join ' '\n"
                + "complete -C 'cadence completion ' | cut -f1 | string join ' '\n");
    assertThat(replies.lines().toList())
        .containsExactly("validate", "github json junit sarif text", "bash fish zsh");
  }

  @Test
  void fishQuotesDescriptions() {
    assertThat(FishCompletion.quote("the reps' list \\ a")).isEqualTo("'the reps\\' list \\\\ a'");
    assertThat(FishCompletion.firstLine(new String[] {"One tick (e.g. */5). Then more."}))
        .isEqualTo("One tick (e.g. */5)");
  }

  @Test
  void anUnknownShellIsAUsageError() {
    CliResult r = CliHarness.run("completion", "powershell");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("bash, zsh or fish");
  }

  @Test
  void helpPrintsTheMainOrACommandsHelp() {
    CliResult main = CliHarness.run("help");
    assertThat(main.exitCode()).isZero();
    assertThat(main.out()).isEqualTo(CliHarness.run("--help").out()).contains("completion");
    CliResult plan = CliHarness.run("help", "plan");
    assertThat(plan.exitCode()).isZero();
    assertThat(plan.out()).isEqualTo(CliHarness.run("plan", "--help").out());
    CliResult unknown = CliHarness.run("help", "plna");
    assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
  }

  private static boolean onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }

  /** Runs {@code script} in {@code shell}; returns its stdout, failing on a non-zero exit. */
  private String shell(String shell, String script) throws IOException, InterruptedException {
    Path file = Files.writeString(dir.resolve("script." + shell), script);
    Process p =
        new ProcessBuilder(shell, file.toString())
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out + Files.readString(dir.resolve("stderr.txt"))).isZero();
    return out;
  }
}
