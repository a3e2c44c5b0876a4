package dev.cadence.analytics.recommend;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Picks, among the alternatives to what a step does now, the one to recommend (a significant
 * improvement) or, failing that, the one most worth collecting more data on. Only alternatives that
 * did better in the data are considered: a one-sided test has nothing to say about the others.
 */
final class Contest {
  /** What came of one contest. */
  sealed interface Outcome {}

  /** The best significant alternative. */
  record Winner(Comparison comparison) implements Outcome {}

  /** No significant alternative, but a promising one with too few touches to test. */
  record Short(Comparison comparison, OptionalLong neededPerSide) implements Outcome {}

  /** Nothing did better, or what did better was tested and not significant. */
  record Nothing() implements Outcome {}

  private Contest() {}

  /**
   * @param tests incremented once per test run, so that the report can say how many comparisons
   *     were made at alpha (the more tests, the more false positives to expect)
   */
  static Outcome run(
      String from,
      Evidence fromRate,
      Map<String, Evidence> alternatives,
      Recommender.Settings settings,
      int[] tests) {
    if (fromRate.n() == 0) {
      return new Nothing();
    }
    List<Comparison> better =
        alternatives.entrySet().stream()
            .filter(
                e ->
                    !e.getKey().equals(from)
                        && e.getValue().n() > 0
                        && e.getValue().rate() > fromRate.rate())
            .map(e -> Comparison.of(from, fromRate, e.getKey(), e.getValue()))
            .toList();
    if (better.isEmpty()) {
      return new Nothing();
    }
    boolean fromEnough = fromRate.n() >= settings.minN();
    List<Comparison> testable =
        better.stream().filter(c -> fromEnough && c.toRate().n() >= settings.minN()).toList();
    tests[0] += testable.size();
    Optional<Comparison> winner =
        testable.stream()
            .filter(c -> c.pValue() < settings.alpha())
            .max(
                Comparator.comparingDouble((Comparison c) -> c.toRate().rate())
                    .thenComparing(c -> -c.pValue()));
    if (winner.isPresent()) {
      return new Winner(winner.get());
    }
    Optional<Comparison> promising =
        better.stream()
            .filter(c -> !testable.contains(c))
            .min(Comparator.comparingDouble(Comparison::pValue).thenComparing(Comparison::to));
    if (promising.isPresent()) {
      Comparison c = promising.get();
      return new Short(
          c,
          SampleSize.perGroup(
              c.fromRate().rate(), c.toRate().rate(), settings.alpha(), SampleSize.POWER));
    }
    return new Nothing();
  }
}
