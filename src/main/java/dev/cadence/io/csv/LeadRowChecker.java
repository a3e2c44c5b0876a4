package dev.cadence.io.csv;

import dev.cadence.model.Lead;
import dev.cadence.model.LeadFields;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns one data row into a lead or a rejected row with every reason it has. Holds the ids seen so
 * far (the only state that grows with the file) so that a later row with a taken id is rejected.
 */
final class LeadRowChecker {
  /** How many invalid sequences one reason names before it says "and N more". */
  private static final int MAX_BAD_LISTED = 3;

  private static final Optional<Boolean> TRUE = Optional.of(Boolean.TRUE);
  private static final Optional<Boolean> FALSE = Optional.of(Boolean.FALSE);

  private final LeadColumns columns;
  private final LeadFields.Columns rowFields;
  private final int id;
  private final int email;
  private final int timezone;
  private final int doNotContact;

  /** id -> line of the first row that carried it; negative when that row was itself rejected. */
  private final Map<String, Long> seen = new HashMap<>();

  private final ZoneLookup zones = new ZoneLookup();

  LeadRowChecker(LeadColumns columns) {
    this.columns = columns;
    this.rowFields = new LeadFields.Columns(columns.fields());
    this.id = columns.indexOf("id");
    this.email = columns.indexOf("email");
    this.timezone = columns.indexOf("timezone");
    this.doNotContact = columns.indexOf("do_not_contact");
  }

  /**
   * Checks the row that starts on {@code line} and hands it to exactly one of the two consumers.
   */
  void check(
      long line,
      String[] values,
      List<StrictUtf8Reader.BadBytes> bad,
      Consumer<Lead> leads,
      Consumer<RejectedRow> rejects) {
    int width = columns.header().size();
    boolean shaped = values.length == width;
    List<String> problems = new ArrayList<>(2);
    if (!bad.isEmpty()) {
      problems.add(encodingProblem(bad));
    }
    if (!shaped) {
      problems.add(
          "ragged row: "
              + values.length
              + (values.length == 1 ? " field" : " fields")
              + ", the header has "
              + width);
      rejects.accept(new RejectedRow(line, String.join("; ", problems), List.of(values)));
      return;
    }
    String leadId = strip(values[id]);
    // One lookup on the common path: claim the id now, mark it rejected below if the row is.
    Long first = leadId.isEmpty() ? null : seen.putIfAbsent(leadId, line);
    if (leadId.isEmpty()) {
      problems.add("missing id");
    } else if (first != null) {
      problems.add(
          "duplicate id `"
              + leadId
              + "` (first on line "
              + Math.abs(first)
              + (first < 0 ? ", itself rejected)" : ")"));
    }
    if (email >= 0) {
      String value = strip(values[email]);
      if (!value.isEmpty()) {
        EmailCheck.problem(value)
            .ifPresent(p -> problems.add("malformed email `" + value + "`: " + p));
      }
    }
    ZoneId zone = null;
    if (timezone >= 0) {
      String value = strip(values[timezone]);
      if (!value.isEmpty()) {
        ZoneLookup.Resolved resolved = zones.resolve(value);
        zone = resolved.zone();
        if (zone == null) {
          problems.add(resolved.problem());
        }
      }
    }
    boolean dnc = false;
    if (doNotContact >= 0) {
      String value = strip(values[doNotContact]);
      Optional<Boolean> parsed = parseFlag(value);
      if (parsed.isPresent()) {
        dnc = parsed.get();
      } else {
        problems.add(
            "bad do_not_contact `" + value + "`: expected true/false, yes/no, 1/0 or empty");
      }
    }
    if (!problems.isEmpty()) {
      if (!leadId.isEmpty() && first == null) {
        seen.put(leadId, -line);
      }
      rejects.accept(new RejectedRow(line, String.join("; ", problems), List.of(values)));
      return;
    }
    // Built immutable at once, over the list's shared column index: Lead keeps it as it is.
    String[] stripped = new String[width];
    for (int i = 0; i < width; i++) {
      stripped[i] = strip(values[i]);
    }
    leads.accept(new Lead(leadId, rowFields.row(stripped), Optional.ofNullable(zone), dnc, line));
  }

  /** "invalid UTF-8: 0xE9 at line 10, byte offset 690, 0xE9 at byte offset 692 (...)". */
  private static String encodingProblem(List<StrictUtf8Reader.BadBytes> bad) {
    StringBuilder sb = new StringBuilder("invalid UTF-8: ");
    long lastLine = -1;
    for (int i = 0; i < Math.min(bad.size(), MAX_BAD_LISTED); i++) {
      StrictUtf8Reader.BadBytes b = bad.get(i);
      sb.append(i == 0 ? "" : ", ").append(b.hex());
      if (b.line() != lastLine) {
        sb.append(" at line ").append(b.line()).append(", byte offset ");
      } else {
        sb.append(" at byte offset ");
      }
      sb.append(b.byteOffset());
      lastLine = b.line();
    }
    if (bad.size() > MAX_BAD_LISTED) {
      sb.append(" and ").append(bad.size() - MAX_BAD_LISTED).append(" more");
    }
    return sb.append(" (save the file as UTF-8; was it exported as Latin-1 or Windows-1252?)")
        .toString();
  }

  /** {@link String#strip()} with a fast path for the usual value that has nothing to strip. */
  static String strip(String value) {
    int n = value.length();
    if (n == 0) {
      return value;
    }
    char first = value.charAt(0);
    char last = value.charAt(n - 1);
    if (first > ' ' && first < 0x7F && last > ' ' && last < 0x7F) {
      return value;
    }
    return value.strip();
  }

  /** true/false, yes/no, 1/0 (any case) or empty for false; empty Optional for anything else. */
  static Optional<Boolean> parseFlag(String value) {
    // Exact spellings first: lower-casing every row of a big list costs more than the check.
    if (value.isEmpty() || value.equals("false")) {
      return FALSE;
    }
    if (value.equals("true")) {
      return TRUE;
    }
    switch (value.toLowerCase(Locale.ROOT)) {
      case "true":
      case "yes":
      case "1":
        return TRUE;
      case "false":
      case "no":
      case "0":
      case "":
        return FALSE;
      default:
        return Optional.empty();
    }
  }
}
