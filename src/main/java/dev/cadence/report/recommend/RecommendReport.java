package dev.cadence.report.recommend;

import dev.cadence.analytics.recommend.Recommendation;
import dev.cadence.analytics.recommend.Recommender;
import dev.cadence.io.CadenceChanges;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code recommend} prints, rendered by every format from this one object.
 *
 * @param logs the outcome logs read
 * @param touches the touches counted in them (after --where)
 * @param plan the changes to the --cadence files, when some were given
 * @param mode whether the changes were only listed, shown as a diff, or written
 */
public record RecommendReport(
    List<String> logs,
    long touches,
    Recommender.Result result,
    Optional<CadenceChanges.Plan> plan,
    Mode mode) {
  /** What was done with the changes. */
  public enum Mode {
    /** Recommendations only (with the lines to change when --cadence was given). */
    REPORT,
    /** --dry-run: the changes shown as a unified diff, nothing written. */
    DRY_RUN,
    /** --apply: the changes written. */
    APPLY
  }

  public RecommendReport {
    logs = List.copyOf(logs);
  }

  public Optional<CadenceChanges.Location> location(Recommendation r) {
    return plan.map(p -> p.locations().get(r));
  }

  /** The change made or refused for {@code r}, if it is a change to a given file. */
  public Optional<CadenceChanges.Outcome> outcome(Recommendation r) {
    return plan.flatMap(
        p -> p.outcomes().stream().filter(o -> o.recommendation() == r).findFirst());
  }

  public List<CadenceChanges.Refusal> refusals() {
    return plan.map(
            p ->
                p.outcomes().stream()
                    .filter(o -> o instanceof CadenceChanges.Refusal)
                    .map(o -> (CadenceChanges.Refusal) o)
                    .toList())
        .orElse(List.of());
  }

  /** The word for what happens to an accepted change in this mode. */
  public String changeStatus() {
    return switch (mode) {
      case APPLY -> "applied";
      case DRY_RUN -> "planned";
      default -> "proposed";
    };
  }
}
