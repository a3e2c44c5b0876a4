package dev.cadence.analytics;

import dev.cadence.validate.DidYouMean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code --where field=value} on the cube's text dimensions. Several values of one field are
 * alternatives (cadence=a or cadence=b); different fields must all hold. The filter applies to
 * touches after positions and gaps were computed over the whole log, so a lead's third touch stays
 * its third touch whatever is filtered out.
 */
public final class CellFilter {
  private static final Map<String, Function<TouchCell, String>> FIELDS = new LinkedHashMap<>();

  static {
    FIELDS.put("cadence", TouchCell::cadence);
    FIELDS.put("step", TouchCell::step);
    FIELDS.put("channel", TouchCell::channel);
    FIELDS.put("template", TouchCell::template);
    FIELDS.put("region", TouchCell::region);
  }

  private CellFilter() {}

  public static Set<String> fields() {
    return FIELDS.keySet();
  }

  /**
   * Parses {@code field=value} specs.
   *
   * @throws IllegalArgumentException for a spec without {@code =} or an unknown field (with the
   *     fix)
   */
  public static Predicate<TouchCell> parse(List<String> specs) {
    Map<String, List<String>> wanted = new LinkedHashMap<>();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      String field = eq < 0 ? "" : spec.substring(0, eq).strip();
      if (eq < 0 || !FIELDS.containsKey(field)) {
        throw new IllegalArgumentException(
            "--where "
                + spec
                + ": expected FIELD=VALUE with FIELD one of "
                + String.join(", ", FIELDS.keySet())
                + (eq < 0
                    ? ""
                    : DidYouMean.closest(field, FIELDS.keySet())
                        .map(c -> "; did you mean `" + c + "`?")
                        .orElse("")));
      }
      wanted.computeIfAbsent(field, k -> new ArrayList<>()).add(spec.substring(eq + 1));
    }
    Predicate<TouchCell> all = c -> true;
    for (Map.Entry<String, List<String>> e : wanted.entrySet()) {
      Function<TouchCell, String> get = FIELDS.get(e.getKey());
      List<String> values = List.copyOf(e.getValue());
      all = all.and(c -> values.contains(get.apply(c)));
    }
    return all;
  }
}
