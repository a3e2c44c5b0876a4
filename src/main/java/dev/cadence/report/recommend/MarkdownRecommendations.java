package dev.cadence.report.recommend;

import dev.cadence.analytics.recommend.Recommendation;
import dev.cadence.io.CadenceChanges;
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
          "- **Cadence**: `"
              + r.cadence()
              + "`"
              + report.location(r).map(l -> " (`" + l + "`)").orElse("")
              + "\n");
      out.print("- **Evidence**: " + escape(Wording.evidence(r)) + "\n");
      TextRecommendations.change(report, r)
          .ifPresent(c -> out.print("- **" + escape(c).replaceFirst(": ", "**: ") + "\n"));
    }
    if (report.mode() == RecommendReport.Mode.DRY_RUN) {
      for (CadenceChanges.FileEdit edit :
          report.plan().map(CadenceChanges.Plan::changedFiles).orElse(List.of())) {
        out.print(
            "\n```diff\n"
                + UnifiedDiff.of(edit.file().toString(), edit.before(), edit.after())
                + "```\n");
      }
    }
    TextRecommendations.footer(report).ifPresent(f -> out.print("\n" + escape(f) + "\n"));
    out.flush();
  }

  /** Markdown's inline specials, so that names like intro_email or a*b print as written. */
  static String escape(String s) {
    return s.replace("\\", "\\\\")
        .replace("*", "\\*")
        .replace("_", "\\_")
        .replace("|", "\\|")
        .replace("<", "&lt;");
  }
}
