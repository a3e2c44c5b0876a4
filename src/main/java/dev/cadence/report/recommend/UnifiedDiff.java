package dev.cadence.report.recommend;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;

/**
 * The unified diff of a file's text before and after (what {@code recommend --dry-run} prints):
 * {@code --- FILE} / {@code +++ FILE} headers with the path as given, hunks with three lines of
 * context, so that {@code patch -p0} or {@code git apply -p0} applies it.
 */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /**
   * The diff, one line per element and each ending in a line break; "" when the texts are equal.
   */
  public static String of(String file, String before, String after) {
    return of(file, file, before, after);
  }

  /** The diff from one file to another ({@code --- from}, {@code +++ to}). */
  public static String of(String from, String to, String before, String after) {
    if (before.equals(after)) {
      return "";
    }
    List<String> a = before.lines().toList();
    List<String> b = after.lines().toList();
    Patch<String> patch = DiffUtils.diff(a, b);
    StringBuilder out = new StringBuilder();
    for (String line : UnifiedDiffUtils.generateUnifiedDiff(from, to, a, patch, CONTEXT)) {
      out.append(line).append('\n');
    }
    return out.toString();
  }
}
