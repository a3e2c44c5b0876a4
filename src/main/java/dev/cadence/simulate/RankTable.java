package dev.cadence.simulate;

import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Factors by a whole number (a touch's position, the days since the previous touch): an exact key
 * ({@code 3}) or an open range ({@code 4+}, every value from 4 up); an exact key wins, then the
 * largest range that starts at or below the value.
 */
public record RankTable(Map<Integer, Factors> exact, NavigableMap<Integer, Factors> orMore) {
  public static final RankTable NONE = new RankTable(Map.of(), new TreeMap<>());

  public RankTable {
    exact = Map.copyOf(exact);
    orMore = Collections.unmodifiableNavigableMap(new TreeMap<>(orMore));
  }

  public Factors at(int value) {
    Factors f = exact.get(value);
    if (f != null) {
      return f;
    }
    Map.Entry<Integer, Factors> range = orMore.floorEntry(value);
    return range == null ? Factors.NONE : range.getValue();
  }

  public boolean isEmpty() {
    return exact.isEmpty() && orMore.isEmpty();
  }
}
