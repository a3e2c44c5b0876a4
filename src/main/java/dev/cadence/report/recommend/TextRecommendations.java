package dev.cadence.report.recommend;

import dev.cadence.analytics.recommend.Recommendation;
import dev.cadence.io.CadenceChanges;
import dev.cadence.report.Words;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code recommend}'s report for people: numbered recommendations, each with its evidence and
 * change.
 */
final class TextRecommendations {
  static final int WIDTH = 100;

  private TextRecommendations() {}

  static void render(RecommendReport report, PrintWriter out) {
    out.println(summary(report));
    int n = 0;
    for (Recommendation r : report.result().items()) {
      n++;
      out.println();
      out.println(n + ". " + Wording.title(r));
      String where = r.cadence() + report.location(r).map(l -> ", " + l).orElse("");
      out.println("   " + where);
      for (String line : Words.wrap(Wording.evidence(r), WIDTH - 3)) {
        out.println("   " + line);
      }
      change(report, r)
          .ifPresent(c -> Words.wrap(c, WIDTH - 3).forEach(line -> out.println("   " + line)));
    }
    if (report.mode() == RecommendReport.Mode.DRY_RUN) {
      for (CadenceChanges.FileEdit edit :
          report.plan().map(CadenceChanges.Plan::changedFiles).orElse(List.of())) {
        out.println();
        out.print(UnifiedDiff.of(edit.file().toString(), edit.before(), edit.after()));
      }
    }
    footer(report)
        .ifPresent(
            f -> {
              out.println();
              out.println(f);
            });
    out.flush();
  }

  static String summary(RecommendReport report) {
    long found =
        report.result().items().stream()
            .filter(r -> !(r instanceof Recommendation.Insufficient))
            .count();
    long short_ = report.result().items().size() - found;
    String head =
        String.format(
            Locale.ROOT,
            "Recommendations from %s (%,d touches): %d found, %d short of evidence; %d test%s"
                + " at alpha %s, at least %d touches a side.",
            report.logs().size() == 1 ? report.logs().get(0) : report.logs().size() + " logs",
            report.touches(),
            found,
            short_,
            report.result().tests(),
            report.result().tests() == 1 ? "" : "s",
            report.result().settings().alpha(),
            report.result().settings().minN());
    if (report.result().items().isEmpty()) {
      head +=
          report.result().tests() == 0
              ? " Nothing to test: no step has an alternative that did better in these logs."
              : " No test was significant: keep the cadences as they are, or collect more outcomes.";
    }
    return head;
  }

  /** "Change (planned): ..." or "Refused: ..." for a recommendation with a file to change. */
  static Optional<String> change(RecommendReport report, Recommendation r) {
    return report
        .outcome(r)
        .map(
            o -> {
              if (o instanceof CadenceChanges.Change c) {
                return "Change (" + report.changeStatus() + "): " + c.summary();
              }
              if (o instanceof CadenceChanges.AlreadyDone d) {
                return "Already done: " + d.note() + " (the logs are older than the file)";
              }
              return "Change refused: " + ((CadenceChanges.Refusal) o).reason();
            });
  }

  /** What was written, or how to write it. */
  static Optional<String> footer(RecommendReport report) {
    if (report.plan().isEmpty()) {
      return Optional.empty();
    }
    List<CadenceChanges.FileEdit> changed = report.plan().get().changedFiles();
    if (changed.isEmpty()) {
      return Optional.of("No change to the cadence files.");
    }
    List<String> names = changed.stream().map(e -> e.file().toString()).toList();
    return Optional.of(
        switch (report.mode()) {
          case APPLY -> "Wrote " + String.join(", ", names) + ".";
          case DRY_RUN -> "Nothing written (--dry-run); --apply writes these changes.";
          default ->
              "--dry-run shows the changes to "
                  + String.join(", ", names)
                  + " as a diff; --apply writes them.";
        });
  }
}
