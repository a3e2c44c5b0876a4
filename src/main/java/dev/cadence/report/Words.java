package dev.cadence.report;

import java.util.ArrayList;
import java.util.List;

/** Text for terminals: sentences wrapped to a width. */
public final class Words {
  private Words() {}

  /**
   * Words of {@code text} in lines of at most {@code width} characters (a longer word stands
   * alone).
   */
  public static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
