package dev.cadence.io.csv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses {@code --map field=Column} options into the field-to-column map that the reader takes. */
public final class LeadMapping {
  private LeadMapping() {}

  /**
   * Each spec is {@code field=Column}, split at the first {@code =} (a column name may contain
   * one).
   *
   * @throws LeadFileException (BAD_MAPPING) for a spec without {@code =}, an empty side, or a field
   *     mapped twice
   */
  public static Map<String, String> parse(List<String> specs) {
    Map<String, String> mapping = new LinkedHashMap<>();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      String field = eq < 0 ? "" : spec.substring(0, eq).strip();
      String column = eq < 0 ? "" : spec.substring(eq + 1).strip();
      if (field.isEmpty() || column.isEmpty()) {
        throw new LeadFileException(
            LeadFileException.Kind.BAD_MAPPING,
            "--map " + spec + ": expected field=Column, e.g. --map email=E-mail");
      }
      String previous = mapping.putIfAbsent(field, column);
      if (previous != null) {
        throw new LeadFileException(
            LeadFileException.Kind.BAD_MAPPING,
            "--map " + spec + ": field `" + field + "` is already mapped to `" + previous + "`");
      }
    }
    return Collections.unmodifiableMap(mapping);
  }
}
