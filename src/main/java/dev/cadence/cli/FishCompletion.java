package dev.cadence.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A fish completion script from a picocli command model (picocli generates bash only): the
 * subcommands with their one-line descriptions, each subcommand's options (a value's candidates
 * when it has a fixed set, files otherwise), and the fixed values of positional parameters.
 */
final class FishCompletion {
  private FishCompletion() {}

  /** The script for {@code root} and its direct subcommands. */
  static String script(CommandSpec root) {
    String name = root.name();
    StringBuilder s = new StringBuilder();
    s.append("# fish completion for ").append(name).append(", made by `");
    s.append(name).append(" completion fish`\n");
    s.append("# Install: ").append(name).append(" completion fish > ~/.config/fish/completions/");
    s.append(name).append(".fish\n\n");
    String atTop = "__fish_use_subcommand";
    for (OptionSpec option : root.options()) {
      option(s, name, atTop, option);
    }
    root.subcommands()
        .forEach(
            (sub, line) -> {
              if (!line.getCommandSpec().usageMessage().hidden()) {
                s.append("complete -c ").append(name).append(" -n ").append(atTop);
                s.append(" -f -a ").append(sub);
                describe(s, summary(line.getCommandSpec()));
                s.append('\n');
              }
            });
    root.subcommands()
        .forEach(
            (sub, line) -> {
              CommandSpec spec = line.getCommandSpec();
              if (spec.usageMessage().hidden()) {
                return;
              }
              s.append('\n');
              String seen = quote("__fish_seen_subcommand_from " + sub);
              for (OptionSpec option : spec.options()) {
                option(s, name, seen, option);
              }
              for (PositionalParamSpec positional : spec.positionalParameters()) {
                List<String> values = candidates(positional.completionCandidates());
                if (!values.isEmpty()) {
                  s.append("complete -c ").append(name).append(" -n ").append(seen);
                  s.append(" -f -a ").append(quote(String.join(" ", values)));
                  describe(s, firstLine(positional.description()));
                  s.append('\n');
                }
              }
            });
    return s.toString();
  }

  private static void option(StringBuilder s, String name, String condition, OptionSpec option) {
    if (option.hidden()) {
      return;
    }
    s.append("complete -c ").append(name).append(" -n ").append(condition);
    for (String n : option.names()) {
      if (n.startsWith("--")) {
        s.append(" -l ").append(n.substring(2));
      } else if (n.startsWith("-") && n.length() == 2) {
        s.append(" -s ").append(n.substring(1));
      } else if (n.startsWith("-")) {
        s.append(" -o ").append(n.substring(1));
      }
    }
    if (option.arity().max() > 0) {
      List<String> values = candidates(option.completionCandidates());
      if (values.isEmpty()) {
        s.append(" -r"); // a value follows: a file, or free text
      } else {
        s.append(" -x -a ").append(quote(String.join(" ", values)));
      }
    }
    describe(s, firstLine(option.description()));
    s.append('\n');
  }

  /** Fixed values as typed: picocli lists an enum's constants, which are accepted in any case. */
  private static List<String> candidates(Iterable<String> candidates) {
    List<String> values = new ArrayList<>();
    if (candidates != null) {
      for (String c : candidates) {
        values.add(c.equals(c.toUpperCase(Locale.ROOT)) ? c.toLowerCase(Locale.ROOT) : c);
      }
    }
    return values;
  }

  private static void describe(StringBuilder s, String text) {
    if (!text.isEmpty()) {
      s.append(" -d ").append(quote(text));
    }
  }

  /** What the command list of {@code --help} shows: the header if there is one, else the text. */
  private static String summary(CommandSpec spec) {
    String[] header = spec.usageMessage().header();
    return firstLine(header.length > 0 ? header : spec.usageMessage().description());
  }

  /** The first sentence of a description (variables already expanded), without picocli markup. */
  static String firstLine(String[] description) {
    if (description == null || description.length == 0) {
      return "";
    }
    String text =
        String.join(" ", description)
            .replaceAll("@\\|\\S+ ([^|]*)\\|@", "$1")
            .replace("%n", " ")
            .replace("%%", "%")
            .strip();
    // A sentence ends at ". ", but not in "e.g. " or "i.e. ".
    int end = text.indexOf(". ");
    while (end > 2 && (text.startsWith("e.g", end - 3) || text.startsWith("i.e", end - 3))) {
      end = text.indexOf(". ", end + 2);
    }
    if (end >= 0) {
      text = text.substring(0, end);
    }
    if (text.endsWith(".")) {
      text = text.substring(0, text.length() - 1);
    }
    return text.length() > 100 ? text.substring(0, 99) + "…" : text;
  }

  /** A fish single-quoted word: only a backslash and a quote need escaping there. */
  static String quote(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
