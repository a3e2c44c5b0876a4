package dev.cadence.report.recommend;

import dev.cadence.analytics.recommend.Recommendation;
import dev.cadence.io.CadenceChanges;
import dev.cadence.report.Markdown;
import java.io.PrintWriter;
import java.util.List;

/**
 * {@code recommend --format markdown}: for a pull request that applies the changes, or a wiki page.
 */
final class MarkdownRecommendations {
  private MarkdownRecommendations() {}

  static void render(RecommendReport report, PrintWriter out) {
    out.print("# Recommendations\n\n" + escape(TextRecommendations.summary(report)) + "\n");
    int n = 0;
    for (Recommendation r : report.result().items()) {
      n++;
      out.print("\n## " + n + ". " + escape(Wording.title(r)) + "\n\n");
      out.print(
          "- **Cadence**: "
              + Markdown.code(r.cadence())
              + report.location(r).map(l -> " (" + Markdown.code(l.toString()) + ")").orElse("")
              + "\n");
      out.print("- **Evidence**: " + escape(Wording.evidence(r)) + "\n");
      TextRecommendations.change(report, r)
          .ifPresent(c -> out.print("- **" + escape(c).replaceFirst(": ", "**: ") + "\n"));
    }
    if (report.mode() == RecommendReport.Mode.DRY_RUN) {
      for (CadenceChanges.FileEdit edit :
          report.plan().map(CadenceChanges.Plan::changedFiles).orElse(List.of())) {
        String diff = UnifiedDiff.of(edit.file().toString(), edit.before(), edit.after());
        String fence = Markdown.fence(diff); // a line of backticks in the file cannot close it
        out.print("\n" + fence + "diff\n" + diff + fence + "\n");
      }
    }
    TextRecommendations.footer(report).ifPresent(f -> out.print("\n" + escape(f) + "\n"));
    out.flush();
  }

  /**
   * Markdown's inline specials, so that names like intro_email or a*b print as written, and log
   * values never as HTML or links (see Markdown).
   */
  static String escape(String s) {
    return Markdown.text(s).replace("*", "\\*").replace("_", "\\_").replace("`", "\\`");
  }
}
