package dev.cadence.io.mail;

import java.util.Locale;

/**
 * The text of an HTML part, for judging: tags dropped, block ends turned into line breaks, the
 * common entities decoded, and the lines inside {@code <blockquote>} marked with {@code >} as a
 * plain-text reply would quote them (so quoted text is recognised as quoted). Scripts and styles
 * are dropped whole.
 */
final class HtmlText {
  private HtmlText() {}

  static String of(String html) {
    StringBuilder out = new StringBuilder(html.length() / 2);
    int quoted = 0;
    int i = 0;
    int n = html.length();
    while (i < n) {
      char c = html.charAt(i);
      if (c == '<') {
        int close = html.indexOf('>', i);
        if (close < 0) {
          break;
        }
        String tag = tagName(html, i + 1, close);
        if (tag.equals("script") || tag.equals("style")) {
          int end = html.toLowerCase(Locale.ROOT).indexOf("</" + tag, close);
          i = end < 0 ? n : html.indexOf('>', end) + 1;
          if (i <= 0) {
            i = n;
          }
          continue;
        }
        if (tag.equals("blockquote")) {
          quoted++;
          newline(out, quoted);
        } else if (tag.equals("/blockquote")) {
          quoted = Math.max(0, quoted - 1);
          newline(out, quoted);
        } else if (isBreak(tag)) {
          newline(out, quoted);
        }
        i = close + 1;
      } else if (c == '&') {
        int semi = html.indexOf(';', i);
        if (semi > i && semi - i <= 8) {
          out.append(entity(html.substring(i + 1, semi)));
          i = semi + 1;
        } else {
          out.append(c);
          i++;
        }
      } else if (c == '\n' || c == '\r') {
        out.append(' ');
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static void newline(StringBuilder out, int quoted) {
    out.append('\n');
    for (int q = 0; q < quoted; q++) {
      out.append("> ");
    }
  }

  private static String tagName(String html, int from, int to) {
    int end = from;
    if (end < to && html.charAt(end) == '/') {
      end++;
    }
    while (end < to && Character.isLetterOrDigit(html.charAt(end))) {
      end++;
    }
    return html.substring(from, end).toLowerCase(Locale.ROOT);
  }

  private static boolean isBreak(String tag) {
    return switch (tag) {
      case "br",
          "p",
          "/p",
          "div",
          "/div",
          "tr",
          "/tr",
          "li",
          "/li",
          "h1",
          "h2",
          "h3",
          "/h1",
          "/h2",
          "/h3",
          "table",
          "/table",
          "hr",
          "pre",
          "/pre" ->
          true;
      default -> false;
    };
  }

  private static String entity(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "nbsp":
        return " ";
      case "amp":
        return "&";
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return "\"";
      case "apos":
        return "'";
      default:
        break;
    }
    try {
      if (name.startsWith("#x") || name.startsWith("#X")) {
        return new String(Character.toChars(Integer.parseInt(name.substring(2), 16)));
      }
      if (name.startsWith("#")) {
        return new String(Character.toChars(Integer.parseInt(name.substring(1))));
      }
    } catch (IllegalArgumentException e) {
      // not a character reference
    }
    return "&" + name + ";";
  }
}
