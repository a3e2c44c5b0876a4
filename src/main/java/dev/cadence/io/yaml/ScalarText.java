package dev.cadence.io.yaml;

import java.util.regex.Pattern;

/**
 * How scalars are written in a YAML line: where one ends, and how to write a value so it reads back
 * the same.
 */
final class ScalarText {
  private ScalarText() {}

  /**
   * In a flow mapping ({@code { A: b }}) plain text is more restricted: only names stay unquoted
   * there.
   */
  static final Pattern PLAIN_IN_FLOW = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./-]*");

  /**
   * Text that YAML reads as itself without quotes in a block (unless {@link #NOT_TEXT} says
   * otherwise).
   */
  static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_(][^:#\"'\\\\\\p{Cntrl}]*(?<! )");

  /** Plain text that YAML would read as a null, a boolean (YAML 1.1) or a number. */
  static final Pattern NOT_TEXT =
      Pattern.compile(
          "(?i)~|null|true|false|yes|no|on|off|y|n|[-+]?[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|0x[0-9a-f]+|0o?[0-7]+");

  /**
   * What follows a replaced value: a trailing comment keeps its column (the comments of a block are
   * often aligned), as long as one space is left before it.
   */
  static String alignedRest(String rest, int shorterBy) {
    int spaces = indent(rest);
    if (spaces == 0 || spaces == rest.length() || rest.charAt(spaces) != '#') {
      return rest;
    }
    return " ".repeat(Math.max(1, spaces + shorterBy)) + rest.substring(spaces);
  }

  /**
   * The end (exclusive) of a plain scalar: before a comment, or a flow indicator in flow context.
   */
  static int plainEnd(String line, int start, boolean flow) {
    int end = start;
    for (int i = start; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '#' && i > start && Character.isWhitespace(line.charAt(i - 1))) {
        break;
      }
      if (flow && (c == ',' || c == '}' || c == ']')) {
        break;
      }
      if (!Character.isWhitespace(c)) {
        end = i + 1;
      }
    }
    return end;
  }

  /**
   * The end (exclusive) of the quoted scalar opening at {@code start}, or -1 if it does not close
   * on this line.
   */
  static int quotedEnd(String line, int start) {
    char q = line.charAt(start);
    for (int i = start + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (q == '"' && c == '\\') {
        i++;
      } else if (c == q) {
        if (q == '\'' && i + 1 < line.length() && line.charAt(i + 1) == '\'') {
          i++;
        } else {
          return i + 1;
        }
      }
    }
    return -1;
  }

  /** {@code value} as YAML text: plain when it reads back as the same text, else double-quoted. */
  static String scalar(String value) {
    return scalar(value, false);
  }

  static String scalar(String value, boolean flow) {
    if ((flow ? PLAIN_IN_FLOW : PLAIN).matcher(value).matches()
        && !NOT_TEXT.matcher(value).matches()) {
      return value;
    }
    return quote(value, '"');
  }

  static String quote(String value, char q) {
    if (q == '\'') {
      return "'" + value.replace("'", "''") + "'";
    }
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The char offset of a 1-based column counted in code points, as the YAML reader counts. */
  static int offset(String line, int column) {
    try {
      return line.offsetByCodePoints(0, column - 1);
    } catch (IndexOutOfBoundsException e) {
      return -1;
    }
  }

  /** The index of the '}' closing the flow mapping opened at {@code open} on this line, or -1. */
  static int closingBrace(String line, int open) {
    int depth = 0;
    for (int i = open; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"' || c == '\'') {
        i = quotedEnd(line, i) - 1;
        if (i < 0) {
          return -1;
        }
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (--depth == 0) {
          return c == '}' ? i : -1;
        }
      } else if (c == '#' && i > 0 && line.charAt(i - 1) == ' ') {
        return -1;
      }
    }
    return -1;
  }

  static int indent(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }
}
