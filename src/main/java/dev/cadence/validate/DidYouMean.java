package dev.cadence.validate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Suggests the closest known name for a misspelled one. A loop rather than a stream and {@code
 * Comparator.comparing}: the JDK's comparator lambdas cannot go into the class-data archive, so
 * each run that reports a typo generated them again.
 */
public final class DidYouMean {
  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  private DidYouMean() {}

  /**
   * The closest candidate within a distance that a typo plausibly explains, if any; ties go to the
   * first in text order.
   */
  public static Optional<String> closest(String typed, Collection<String> candidates) {
    // Two edits cover a swap of neighbours ("emial"), but a 3-letter name is too short for that.
    int limit = typed.length() <= 3 ? 1 : typed.length() <= 8 ? 2 : 3;
    String lower = typed.toLowerCase();
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = DISTANCE.apply(lower, c.toLowerCase());
      if (d <= limit && (d < bestDistance || d == bestDistance && c.compareTo(best) < 0)) {
        best = c;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
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
    List<String> sorted = new ArrayList<>(candidates);
    sorted.sort(null);
    return "; expected one of: " + String.join(", ", sorted);
  }
}
