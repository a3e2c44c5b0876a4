package dev.cadence.simulate;

import java.util.Map;

/**
 * What changes the base probabilities of a touch: the lead's region, the template sent, the touch's
 * position in the enrollment (1-based) and the gap in days since the previous touch. They multiply.
 */
public record Multipliers(
    Map<String, Factors> region, Map<String, Factors> template, RankTable position, RankTable gap) {
  public static final Multipliers NONE =
      new Multipliers(Map.of(), Map.of(), RankTable.NONE, RankTable.NONE);

  public Multipliers {
    region = Map.copyOf(region);
    template = Map.copyOf(template);
  }
}
