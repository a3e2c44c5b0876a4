package dev.cadence.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Did-you-mean for a mistyped option ({@code --fromat}), in every command.
 *
 * <p>picocli's own suggestions only list options that share the typo's first two letters, so the
 * most common typo, two letters swapped at the start, got none; and a typo beside a missing
 * required option ({@code plan --fromat json}) was reported as the missing option. Here the typo is
 * found in the arguments, whatever error picocli reports first, and compared by edit distance with
 * every option the command takes.
 */
final class OptionTypos {
  private OptionTypos() {}

  /** The first argument of {@code args} that looks like an option {@code spec} does not know. */
  record Typo(String given, Optional<String> suggestion) {
    /** The error line and, when there is one, the suggestion line. */
    List<String> lines(CommandSpec spec) {
      List<String> lines = new ArrayList<>();
      lines.add("unknown option " + given + " for `" + spec.qualifiedName() + "`");
      suggestion.ifPresent(s -> lines.add("Did you mean: " + s + "?"));
      return lines;
    }
  }

  /**
   * The first unknown option among {@code args} (the whole command line) for {@code spec}, the
   * command whose arguments picocli was reading; empty when every option-like argument is known.
   */
  static Optional<Typo> find(String[] args, CommandSpec spec) {
    boolean valueNext = false;
    for (int i = firstArgumentOf(args, spec); i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--")) {
        break;
      }
      if (valueNext) { // the value of the option before, whatever it looks like (--now -1h)
        valueNext = false;
        continue;
      }
      if (!looksLikeOption(arg)) {
        if (spec.parent() == null && spec.subcommands().containsKey(arg)) {
          break; // a subcommand's own options are its own business
        }
        continue;
      }
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      OptionSpec known = spec.findOption(name);
      if (known != null) {
        valueNext = !arg.contains("=") && known.arity().min() > 0;
      } else if (!clusterOfShortOptions(arg, spec)) {
        return Optional.of(new Typo(name, closest(name, names(spec))));
      }
    }
    return Optional.empty();
  }

  /** Where {@code spec}'s own arguments start: after its name, for a subcommand. */
  private static int firstArgumentOf(String[] args, CommandSpec spec) {
    if (spec.parent() == null) {
      return 0;
    }
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(spec.name()) || List.of(spec.aliases()).contains(args[i])) {
        return i + 1;
      }
    }
    return args.length;
  }

  /** An option-like word: a dash and a letter ({@code -} alone is standard input). */
  private static boolean looksLikeOption(String arg) {
    return arg.length() > 1
        && arg.charAt(0) == '-'
        && (Character.isLetter(arg.charAt(1)) || arg.startsWith("--") && arg.length() > 2);
  }

  /**
   * {@code -qv}: short options written together, as picocli reads them; the last may carry its
   * value ({@code -ofile}).
   */
  private static boolean clusterOfShortOptions(String arg, CommandSpec spec) {
    if (arg.startsWith("--")) {
      return false;
    }
    for (int k = 1; k < arg.length(); k++) {
      OptionSpec o = spec.findOption(arg.charAt(k));
      if (o == null) {
        return false;
      }
      if (o.arity().min() > 0) {
        return true;
      }
    }
    return true;
  }

  /**
   * The option nearest to {@code typed} within two edits, an edit being a letter added, removed,
   * changed, or two neighbours swapped ({@code --setp} is one from {@code --step}, two from {@code
   * --help}); ties go to the first declared.
   */
  static Optional<String> closest(String typed, List<String> names) {
    String best = null;
    int bestDistance = 3;
    for (String name : names) {
      int d = distance(typed, name);
      if (d < bestDistance) {
        best = name;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The optimal-string-alignment distance: Levenshtein's, with a swap of neighbours as one. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  /** Every name of every visible option, long and short. */
  private static List<String> names(CommandSpec spec) {
    List<String> names = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (!o.hidden()) {
        names.addAll(List.of(o.names()));
      }
    }
    return names;
  }
}
