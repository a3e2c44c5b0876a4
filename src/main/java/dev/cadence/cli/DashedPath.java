package dev.cadence.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A file whose name starts with {@code -} (say {@code -draft.yaml}) given where an option may
 * stand: it is read as an unknown option, and picocli's message (a missing parameter, an unknown
 * option) does not say why. As git does, the message says how to name such a file: after {@code
 * --}, or as {@code ./-draft.yaml}.
 */
final class DashedPath {
  private DashedPath() {}

  /**
   * The message for {@code args} (the whole command line) when one of them before {@code --} is no
   * option of {@code spec} but names an existing file; empty otherwise.
   */
  static Optional<String> message(String[] args, CommandSpec spec) {
    for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
      String arg = args[i];
      if (arg.length() < 2 || arg.charAt(0) != '-' || isOption(arg, spec) || !isFile(arg)) {
        continue;
      }
      List<String> fixed = new ArrayList<>();
      fixed.add("cadence");
      for (int j = 0; j < args.length; j++) {
        if (j != i) {
          fixed.add(quoted(args[j]));
        }
      }
      if (!List.of(args).contains("--")) {
        fixed.add("--");
      }
      fixed.add(quoted(arg));
      return Optional.of(
          arg
              + " is read as an option, but it is a file: to name it, put it after `--` ("
              + String.join(" ", fixed)
              + ") or write ./"
              + arg);
    }
    return Optional.empty();
  }

  private static boolean isOption(String arg, CommandSpec spec) {
    int eq = arg.indexOf('=');
    String name = eq > 0 ? arg.substring(0, eq) : arg;
    for (CommandSpec s = spec; s != null; s = s.parent()) {
      if (s.findOption(name) != null) {
        return true;
      }
    }
    return false;
  }

  private static boolean isFile(String arg) {
    try {
      return Files.exists(Path.of(arg));
    } catch (InvalidPathException e) {
      return false;
    }
  }

  /** An argument as a POSIX shell would need it to stay one word. */
  private static String quoted(String arg) {
    return arg.matches("[A-Za-z0-9_./:=@%+,-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }
}
