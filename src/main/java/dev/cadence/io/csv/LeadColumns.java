package dev.cadence.io.csv;

import dev.cadence.model.Lead;
import dev.cadence.validate.DidYouMean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The header of a lead list resolved against a {@code --map}: the lead field each column feeds.
 *
 * <p>A column feeds the field a mapping names for it; otherwise a known column (matched ignoring
 * case, so an export's {@code Email} is {@code email}); otherwise the field of its own name, a
 * template variable.
 *
 * @param header the column names as written (trimmed)
 * @param fields the lead field of each column, same order
 */
record LeadColumns(List<String> header, List<String> fields) {
  LeadColumns {
    header = List.copyOf(header);
    fields = List.copyOf(fields);
  }

  int indexOf(String field) {
    return fields.indexOf(field);
  }

  /**
   * Checks the header and applies the mapping.
   *
   * @param line the physical line of the header, for messages
   * @throws LeadFileException BAD_HEADER for an empty or duplicate column or no {@code id};
   *     BAD_MAPPING for a mapping that names an unknown column or clashes with the header
   */
  static LeadColumns resolve(
      String file, long line, List<String> raw, Map<String, String> mapping) {
    String where = file + ":" + line + ": ";
    List<String> header = new ArrayList<>(raw.size());
    for (String name : raw) {
      header.add(name.strip());
    }
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).isEmpty()) {
        String hint = i == header.size() - 1 && i > 0 ? " (a trailing comma?)" : "";
        throw headerError(where + "column " + (i + 1) + " of the header has no name" + hint);
      }
    }
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      Integer first = byName.putIfAbsent(header.get(i), i);
      if (first != null) {
        throw headerError(
            where
                + "duplicate column `"
                + header.get(i)
                + "` in the header (columns "
                + (first + 1)
                + " and "
                + (i + 1)
                + ")");
      }
    }
    String[] fields = new String[header.size()];
    Map<Integer, String> mappedBy = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : mapping.entrySet()) {
      String field = e.getKey();
      String column = e.getValue();
      String spec = file + ": --map " + field + "=" + column;
      if (!Lead.KNOWN_COLUMNS.contains(field)) {
        Optional<String> near = DidYouMean.closest(field, Lead.KNOWN_COLUMNS);
        if (near.isPresent()) {
          throw mappingError(
              spec + ": `" + field + "` is not a lead field; did you mean `" + near.get() + "`?");
        }
      }
      Integer index = byName.get(column);
      if (index == null) {
        throw mappingError(
            spec
                + ": the header has no column `"
                + column
                + "`"
                + DidYouMean.closest(column, header)
                    .map(c -> "; did you mean `" + c + "`?")
                    .orElse("")
                + " (columns: "
                + String.join(", ", header)
                + ")");
      }
      String other = mappedBy.putIfAbsent(index, field);
      if (other != null) {
        throw mappingError(spec + ": column `" + column + "` is already mapped to `" + other + "`");
      }
      fields[index] = field;
    }
    Map<String, Integer> byField = new HashMap<>();
    for (int i = 0; i < fields.length; i++) {
      if (fields[i] == null) {
        fields[i] = knownField(header.get(i)).orElse(header.get(i));
      }
    }
    for (int i = 0; i < fields.length; i++) {
      Integer first = byField.putIfAbsent(fields[i], i);
      if (first != null) {
        // Two mapped columns cannot clash (a field is mapped once), so at most one of these is.
        if (mappedBy.containsKey(first) || mappedBy.containsKey(i)) {
          int mapped = mappedBy.containsKey(first) ? first : i;
          int plain = mapped == first ? i : first;
          throw mappingError(
              file
                  + ": --map "
                  + fields[i]
                  + "="
                  + header.get(mapped)
                  + ": the header also has a column `"
                  + header.get(plain)
                  + "` for the field `"
                  + fields[i]
                  + "`; rename one of them");
        }
        throw headerError(
            where
                + "columns `"
                + header.get(first)
                + "` and `"
                + header.get(i)
                + "` both give the field `"
                + fields[i]
                + "` (columns "
                + (first + 1)
                + " and "
                + (i + 1)
                + ")");
      }
    }
    if (!byField.containsKey("id")) {
      String hint =
          header.size() == 1 && (header.get(0).contains(";") || header.get(0).contains("\t"))
              ? "; the header looks separated by semicolons or tabs, but a lead list is comma-separated"
              : "; name it `id` or map one with --map id=COLUMN";
      throw headerError(
          where
              + "the header has no `id` column (columns: "
              + String.join(", ", header)
              + ")"
              + hint);
    }
    return new LeadColumns(header, List.of(fields));
  }

  private static Optional<String> knownField(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return Lead.KNOWN_COLUMNS.contains(lower) ? Optional.of(lower) : Optional.empty();
  }

  private static LeadFileException headerError(String message) {
    return new LeadFileException(LeadFileException.Kind.BAD_HEADER, message);
  }

  private static LeadFileException mappingError(String message) {
    return new LeadFileException(LeadFileException.Kind.BAD_MAPPING, message);
  }
}
