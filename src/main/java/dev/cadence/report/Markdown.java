package dev.cadence.report;

/**
 * Markdown from untrusted text: values read from an outcome log (names, events, regions) may hold
 * HTML or Markdown, and a Markdown file is read through a renderer that passes raw HTML on. Every
 * value goes out as text: no tag, no link, no line break that would end a table row or a code span.
 */
public final class Markdown {
  private Markdown() {}

  /**
   * Text for a table cell or a list item: {@code <} and {@code &} as entities (every Markdown
   * flavour decodes them to text), a {@code ]} that a link's target or label would follow escaped
   * (a bracket otherwise stays, as in "12.5% [9.1-16.9%]"), backslashes and pipes escaped (no new
   * cell), line breaks as spaces. Backticks are kept: the callers quote values with them on
   * purpose, and inside a code span a tag is text. No value starts a line, so none can define a
   * link.
   */
  public static String text(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '|' -> b.append("\\|");
        case ']' -> b.append(next == '(' || next == '[' ? "\\]" : "]");
        case '<' -> b.append("&lt;");
        case '&' -> b.append("&amp;");
        case '\n', '\r' -> b.append(' ');
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * A code span that shows {@code s} as written: fenced with more backticks than it holds in a row,
   * so a backtick in the value cannot end it early, and on one line, so no blank line ends it.
   */
  public static String code(String s) {
    String flat = s.replace('\n', ' ').replace('\r', ' ');
    String fence = "`".repeat(longestRun(flat, '`') + 1);
    boolean pad = flat.startsWith("`") || flat.endsWith("`");
    return fence + (pad ? " " : "") + flat + (pad ? " " : "") + fence;
  }

  /** The opening of a fenced block around {@code content}: longer than any backtick run in it. */
  public static String fence(String content) {
    return "`".repeat(Math.max(3, longestRun(content, '`') + 1));
  }

  private static int longestRun(String s, char c) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == c ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return longest;
  }
}
