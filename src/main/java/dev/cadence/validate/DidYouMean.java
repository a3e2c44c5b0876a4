package dev.cadence.validate;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** Suggests the closest known name for a misspelled one. */
public final class DidYouMean {
  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  private DidYouMean() {}

  /** The closest candidate within a distance that a typo plausibly explains, if any. */
  public static Optional<String> closest(String typed, Collection<String> candidates) {
    // Two edits cover a swap of neighbours ("emial"), but a 3-letter name is too short for that.
    int limit = typed.length() <= 3 ? 1 : typed.length() <= 8 ? 2 : 3;
    return candidates.stream()
        .filter(c -> DISTANCE.apply(typed.toLowerCase(), c.toLowerCase()) <= limit)
        .min(
            Comparator.comparingInt((String c) -> DISTANCE.apply(typed.toLowerCase(), c.toLowerCase()))
                .thenComparing(c -> c));
  }

  /** " did you mean `x`?" or, with no close candidate, " expected one of: a, b, c". */
  public static String hint(String typed, Collection<String> candidates) {
    Optional<String> best = closest(typed, candidates);
    if (best.isPresent()) {
      return "; did you mean `" + best.get() + "`?";
    }
    if (candidates.isEmpty()) {
      return "";
    }
    return "; expected one of: " + String.join(", ", candidates.stream().sorted().toList());
  }
}
