package dev.cadence.cli;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cadence completion bash|zsh|fish}: the shell completion script, made from the command
 * line's own model so that it always knows every command and option of this build.
 *
 * <p>bash and zsh share picocli's script (zsh runs it through {@code bashcompinit}, which the
 * script enables itself); fish has its own, from {@link FishCompletion}.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = "Print the shell completion script for bash, zsh or fish.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(cadence completion bash)       # this shell; add it to ~/.bashrc to keep it",
      "  source <(cadence completion zsh)        # in ~/.zshrc",
      "  cadence completion fish > ~/.config/fish/completions/cadence.fish",
    })
final class CompletionCommand implements Callable<Integer> {
  /** The shells, as they are typed. */
  static final List<String> SHELLS = List.of("bash", "zsh", "fish");

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "SHELL",
      completionCandidates = Shells.class,
      description = "bash, zsh or fish.")
  String shell;

  @Override
  public Integer call() {
    if (!SHELLS.contains(shell)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "unknown shell '" + shell + "'; choose bash, zsh or fish");
    }
    CommandLine root = spec.root().commandLine();
    String script =
        shell.equals("fish")
            ? FishCompletion.script(root.getCommandSpec())
            : AutoComplete.bash(root.getCommandName(), root);
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /** The candidates that completion itself offers for SHELL. */
  static final class Shells implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return SHELLS.iterator();
    }
  }
}
