package dev.cadence.model;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lead from a lead list: its id, its known columns, and every other column as a template
 * variable.
 *
 * @param fields every column of the row by its (mapped) header, known ones included
 * @param zone the lead's own time zone, when the list gives one
 * @param line the physical line of the row in its file (1-based), 0 when not from a file
 */
public record Lead(
    String id, Map<String, String> fields, Optional<ZoneId> zone, boolean doNotContact, long line) {
  /** The columns the contract names; every other column is a template variable. */
  public static final List<String> KNOWN_COLUMNS =
      List.of(
          "id",
          "email",
          "first_name",
          "last_name",
          "company",
          "title",
          "phone",
          "region",
          "timezone",
          "owner",
          "do_not_contact");

  public Lead {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("a lead needs an id");
    }
    fields =
        fields instanceof LeadFields ? fields : Map.copyOf(fields); // LeadFields: immutable already
  }

  public Optional<String> field(String name) {
    return Optional.ofNullable(fields.get(name)).filter(v -> !v.isBlank());
  }

  public Optional<String> email() {
    return field("email");
  }

  public Optional<String> phone() {
    return field("phone");
  }

  public Optional<String> region() {
    return field("region");
  }

  public Optional<String> owner() {
    return field("owner");
  }
}
