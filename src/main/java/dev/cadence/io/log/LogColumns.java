package dev.cadence.io.log;

import dev.cadence.validate.DidYouMean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome log's fields (contract section 4) and where a file's header puts them. A field is
 * found in the column a {@code --map field=Column} names, else in the column of its own name (any
 * case, surrounding spaces ignored). {@code template} and {@code region} may be absent (they are
 * then empty); every other column is ignored.
 */
final class LogColumns {
  static final int TIMESTAMP = 0;
  static final int LEAD = 1;
  static final int CADENCE = 2;
  static final int STEP = 3;
  static final int CHANNEL = 4;
  static final int TEMPLATE = 5;
  static final int REGION = 6;
  static final int EVENT = 7;

  /** Field names, by index. */
  static final List<String> FIELDS =
      List.of("timestamp", "lead_id", "cadence", "step", "channel", "template", "region", "event");

  static boolean required(int field) {
    return field != TEMPLATE && field != REGION;
  }

  /** Field of each column (-1: ignored), and the number of columns. */
  final int[] role;

  private LogColumns(int[] role) {
    this.role = role;
  }

  int columns() {
    return role.length;
  }

  /**
   * Checks {@code --map} specs ({@code field=Column}) on their own.
   *
   * @throws IllegalArgumentException naming the problem (an unknown field, a spec without =, a
   *     field mapped twice)
   */
  static Map<String, String> parseMapping(List<String> specs) {
    Map<String, String> mapping = new LinkedHashMap<>();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      String field = eq < 0 ? "" : spec.substring(0, eq).strip();
      String column = eq < 0 ? "" : spec.substring(eq + 1).strip();
      if (field.isEmpty() || column.isEmpty()) {
        throw new IllegalArgumentException(
            "--map " + spec + ": expected field=Column, e.g. --map lead_id=\"Contact ID\"");
      }
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException(
            "--map "
                + spec
                + ": `"
                + field
                + "` is not an outcome-log field"
                + DidYouMean.hint(field, FIELDS));
      }
      String previous = mapping.putIfAbsent(field, column);
      if (previous != null) {
        throw new IllegalArgumentException(
            "--map " + spec + ": `" + field + "` is already mapped to `" + previous + "`");
      }
    }
    return Collections.unmodifiableMap(mapping);
  }

  /**
   * The column a user most likely meant for {@code field}: one that names it in other words ("Lead
   * ID", "lead", "event_type"), else one a typo away.
   */
  static Optional<String> near(String field, List<String> header) {
    String f = field.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    for (String h : header) {
      String n = h.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
      if (n.length() >= 3 && (f.startsWith(n) || n.startsWith(f))) {
        return Optional.of(h);
      }
    }
    return DidYouMean.closest(field, header);
  }

  /**
   * Resolves a header.
   *
   * @return the columns, or throws with every problem of the header in one message
   * @throws IllegalArgumentException for missing required fields (with did-you-mean), a mapped
   *     column that does not exist, or a field found in two columns
   */
  static LogColumns resolve(List<String> rawHeader, Map<String, String> mapping) {
    List<String> header = new ArrayList<>();
    for (String h : rawHeader) {
      header.add(h.strip());
    }
    int[] role = new int[header.size()];
    Arrays.fill(role, -1);
    List<String> problems = new ArrayList<>();
    for (int f = 0; f < FIELDS.size(); f++) {
      String field = FIELDS.get(f);
      String mapped = mapping.get(field);
      List<Integer> found = new ArrayList<>();
      for (int c = 0; c < header.size(); c++) {
        String name = header.get(c);
        if (mapped != null ? name.equals(mapped) : name.toLowerCase(Locale.ROOT).equals(field)) {
          found.add(c);
        }
      }
      if (found.isEmpty()) {
        if (mapped != null) {
          problems.add(
              "no column `"
                  + mapped
                  + "` (--map "
                  + field
                  + "="
                  + mapped
                  + ")"
                  + DidYouMean.closest(mapped, header)
                      .map(c -> "; did you mean `" + c + "`?")
                      .orElse(""));
        } else if (required(f)) {
          problems.add(
              "no `"
                  + field
                  + "` column"
                  + near(field, header)
                      .map(c -> "; did you mean `" + c + "`? (or --map " + field + "=" + c + ")")
                      .orElse(""));
        }
        continue;
      }
      if (found.size() > 1) {
        problems.add(
            "`" + field + "` is in columns " + (found.get(0) + 1) + " and " + (found.get(1) + 1));
        continue;
      }
      int c = found.get(0);
      if (role[c] >= 0) {
        problems.add(
            "column `"
                + header.get(c)
                + "` is mapped to both `"
                + FIELDS.get(role[c])
                + "` and `"
                + field
                + "`");
        continue;
      }
      role[c] = f;
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          String.join("; ", problems) + " (header: " + String.join(",", header) + ")");
    }
    return new LogColumns(role);
  }
}
