package dev.cadence.io.csv;

import dev.cadence.validate.DidYouMean;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves time-zone names with a cache (a list of a million leads names a few dozen zones) and,
 * for an unknown one, a did-you-mean: a near spelling ("Europe/Pari") or a bare city ("New York").
 */
final class ZoneLookup {
  /** Bounds the cache so a file full of distinct junk values cannot grow it without end. */
  private static final int MAX_CACHED = 4096;

  /** Either a zone or, for a name that is not one, the problem to report. */
  record Resolved(ZoneId zone, String problem) {}

  private final Map<String, Resolved> cache = new HashMap<>();
  private List<String> known;

  Resolved resolve(String name) {
    Resolved cached = cache.get(name);
    if (cached != null) {
      return cached;
    }
    Resolved result;
    try {
      result = new Resolved(ZoneId.of(name), null);
    } catch (DateTimeException e) {
      result = new Resolved(null, "unknown time zone `" + name + "`" + suggestion(name));
    }
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    cache.put(name, result);
    return result;
  }

  private String suggestion(String name) {
    if (known == null) {
      known = ZoneId.getAvailableZoneIds().stream().sorted().toList();
    }
    Optional<String> near = DidYouMean.closest(name, known);
    if (near.isEmpty() && name.indexOf('/') < 0) {
      String city = "/" + name.trim().replace(' ', '_').toLowerCase(Locale.ROOT);
      near = known.stream().filter(z -> z.toLowerCase(Locale.ROOT).endsWith(city)).findFirst();
    }
    return near.map(z -> "; did you mean `" + z + "`?")
        .orElse(" (use an IANA name such as Europe/Paris)");
  }
}
