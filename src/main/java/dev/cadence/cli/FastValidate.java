package dev.cadence.cli;

import dev.cadence.report.validate.ValidateFormat;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Help;

/**
 * {@code cadence validate} in its plain forms, parsed without picocli: {@code validate}, then paths
 * and at most one each of {@code --format NAME} (or {@code --format=NAME}), {@code --strict},
 * {@code -q}/{@code --quiet}, {@code -v}/{@code --verbose}, in any order.
 *
 * <p>Why: a CI loop starts {@code validate} once per file, and picocli spends a large part of each
 * start building its model of the command and its converters before a single file is read. Anything
 * else (help, version, a typo, a repeated or unknown option, {@code --}, an {@code @file}, a path
 * that starts with {@code -}, a format spelled otherwise than in lower or upper case) returns null,
 * and picocli parses it, so every message about usage stays picocli's. The command itself is {@link
 * ValidateCommand#validate}, shared by both paths; a test runs both on the same arguments.
 */
final class FastValidate {
  private FastValidate() {}

  /**
   * Runs {@code args} if they are a plain {@code validate}; returns the exit code, or null to use
   * picocli.
   */
  static Integer tryRun(String[] args, PrintWriter out, PrintWriter err) {
    if (args.length < 2 || !"validate".equals(args[0])) {
      return null;
    }
    ValidateFormat format = null;
    boolean strict = false;
    boolean quiet = false;
    boolean verbose = false;
    List<Path> paths = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (arg.startsWith("--format=")) {
        if (format != null || (format = format(arg.substring("--format=".length()))) == null) {
          return null;
        }
      } else if (arg.equals("--format")) {
        if (format != null || i + 1 == args.length || (format = format(args[++i])) == null) {
          return null;
        }
      } else if (arg.equals("--strict")) {
        if (strict) {
          return null;
        }
        strict = true;
      } else if (arg.equals("-q") || arg.equals("--quiet")) {
        if (quiet) {
          return null;
        }
        quiet = true;
      } else if (arg.equals("-v") || arg.equals("--verbose")) {
        if (verbose) {
          return null;
        }
        verbose = true;
      } else if (arg.isEmpty() || arg.startsWith("-") || arg.startsWith("@")) {
        return null;
      } else {
        try {
          paths.add(Path.of(arg));
        } catch (InvalidPathException e) {
          return null;
        }
      }
    }
    if (paths.isEmpty()) {
      return null;
    }
    try {
      return ValidateCommand.validate(
          paths, format == null ? ValidateFormat.TEXT : format, strict, quiet, out, err, null);
    } catch (Exception e) {
      return Cli.failure(e, err, Help.defaultColorScheme(Help.Ansi.AUTO), verbose);
    }
  }

  /** The format named exactly as lower or upper case; null for anything else (picocli decides). */
  private static ValidateFormat format(String name) {
    for (ValidateFormat f : ValidateFormat.values()) {
      if (f.name().equals(name) || f.name().toLowerCase(Locale.ROOT).equals(name)) {
        return f;
      }
    }
    return null;
  }
}
