package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command's --help ends with examples, and every example is a command line the tool accepts
 * (its options exist, its values convert): examples that rot are worse than none.
 */
class HelpExamplesTest {
  static Stream<String> commands() {
    List<String> names = new ArrayList<>(List.of(""));
    names.addAll(cli().getSubcommands().keySet());
    names.remove("help"); // picocli's own
    return names.stream();
  }

  private static CommandLine cli() {
    return Cli.create(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
  }

  @ParameterizedTest(name = "cadence {0} --help")
  @MethodSource("commands")
  void helpEndsWithExamplesThatParse(String command) {
    CliHarness.CliResult help =
        command.isEmpty() ? CliHarness.run("--help") : CliHarness.run(command, "--help");
    assertThat(help.exitCode()).as(help.toString()).isZero();
    String text = help.out();
    assertThat(text).as(help.toString()).contains("\nExamples:\n");
    List<List<String>> examples = examples(text.substring(text.indexOf("\nExamples:\n")));
    assertThat(examples).as(help.toString()).hasSizeGreaterThanOrEqualTo(2);
    for (String line : text.lines().toList()) {
      assertThat(line.length())
          .as("a help line wider than 80 columns: " + line)
          .isLessThanOrEqualTo(80);
    }
    for (List<String> args : examples) {
      try {
        cli().parseArgs(args.toArray(String[]::new));
      } catch (CommandLine.ParameterException e) {
        throw new AssertionError("cadence " + String.join(" ", args) + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * The cadence command lines of an examples section, as a shell would split them: comments
   * skipped, continued lines joined, what a pipe or a redirection does left out, a process
   * substitution standing for a file.
   */
  static List<List<String>> examples(String section) {
    List<List<String>> found = new ArrayList<>();
    String pending = "";
    for (String raw : section.lines().toList()) {
      String line = pending + raw.strip();
      if (line.endsWith("\\")) {
        pending = line.substring(0, line.length() - 1) + " ";
        continue;
      }
      pending = "";
      int at = line.indexOf("cadence ");
      String before = at < 0 ? "" : line.substring(0, at);
      if (line.startsWith("#")
          || at < 0
          || (at > 0 && !before.contains("| ") && !before.endsWith("<("))) {
        continue;
      }
      found.add(words(line.substring(at + "cadence ".length())));
    }
    return found;
  }

  private static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (line.startsWith("<(", i)) {
        word.append("FILE");
        inWord = true;
        i = line.indexOf(')', i);
      } else if (c == '|'
          || c == '>'
          || c == '<'
          || c == ')'
          || c == '#'
          || line.startsWith("&&", i)) {
        break;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
