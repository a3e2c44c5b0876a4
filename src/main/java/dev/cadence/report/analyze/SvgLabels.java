package dev.cadence.report.analyze;

/**
 * How wide a chart label will be, without a browser to measure it: a generous width per character
 * of the 12px sans-serif labels, so that the label column is sized to its longest label and no
 * label runs out of the chart. A label past {@link #MAX} is cut with an ellipsis (its full text
 * stays in a tooltip).
 */
final class SvgLabels {
  /** The widest label column, in pixels: past it a label is cut rather than squeezing the bars. */
  static final int MAX = 420;

  private SvgLabels() {}

  /**
   * An upper bound of {@code text}'s width at 12px: wide letters 11, capitals and digits 8.5, other
   * ASCII 7, anything else (accents aside, CJK and emoji are full width) 12.
   */
  static double width(String text) {
    double w = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      w += charWidth(c);
      i += Character.charCount(c);
    }
    return w;
  }

  /** {@code text}, or its longest start that fits {@link #MAX} with an ellipsis after it. */
  static String fit(String text) {
    if (width(text) <= MAX) {
      return text;
    }
    double room = MAX - charWidth('…');
    double w = 0;
    int end = 0;
    while (end < text.length()) {
      int c = text.codePointAt(end);
      if (w + charWidth(c) > room) {
        break;
      }
      w += charWidth(c);
      end += Character.charCount(c);
    }
    return text.substring(0, end) + "…";
  }

  private static double charWidth(int c) {
    if (c == 'W' || c == 'M' || c == 'm' || c == 'w' || c == '@' || c == '%') {
      return 11;
    }
    if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '#' || c == '&') {
      return 8.5;
    }
    return c < 0x80 ? 7 : 12;
  }
}
