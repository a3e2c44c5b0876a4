package dev.cadence.validate;

/** Every diagnostic the linter can report, with its stable id (used in output and docs). */
public enum Code {
  // Reading the file
  IO_ERROR("io-error", "the file could not be read"),
  EMPTY_FILE("empty-file", "the file holds no cadence"),
  BINARY_FILE("binary-file", "the file is binary, not YAML text"),
  BAD_ENCODING("bad-encoding", "the file is not valid UTF-8"),
  FILE_TOO_LARGE("file-too-large", "the file is larger than a cadence can be"),
  YAML_SYNTAX("yaml-syntax", "the file is not well-formed YAML"),
  YAML_LIMIT("yaml-limit", "aliases, nesting or size exceed the safe limits"),
  YAML_TAG("yaml-tag", "a custom YAML tag is used; cadences are plain data"),
  MULTIPLE_DOCUMENTS("multiple-documents", "more than one YAML document in one file"),
  DUPLICATE_KEY("duplicate-key", "a key appears twice in one mapping"),
  // Shape
  UNKNOWN_KEY("unknown-key", "a key the format does not define"),
  MISSING_FIELD("missing-field", "a required key is missing"),
  BAD_TYPE("bad-type", "a value has the wrong type (mapping, list, text or number)"),
  BAD_ID("bad-id", "an id does not match [a-z0-9][a-z0-9-]*"),
  CONFLICTING_KEYS("conflicting-keys", "two keys that exclude each other are both given"),
  MISPLACED_KEY("misplaced-key", "a key that does not apply to this step's channel"),
  UNKNOWN_CHANNEL("unknown-channel", "a channel the format does not define"),
  BAD_MODEL("bad-model", "model is neither transactional nor relational"),
  // Values
  BAD_TIMEZONE("bad-timezone", "not an IANA time zone"),
  BAD_WINDOW("bad-window", "not a HH:MM-HH:MM window"),
  BAD_DURATION("bad-duration", "not a duration such as 2d or 1d12h"),
  BAD_DATE("bad-date", "not a YYYY-MM-DD date"),
  BAD_DAY("bad-day", "a day number below 1, or not an integer"),
  BAD_BUSINESS_DAY("bad-business-day", "not a day of the week (MON..SUN)"),
  BAD_COUNT("bad-count", "a count that is not a non-negative integer"),
  // References
  DUPLICATE_STEP("duplicate-step", "two steps share an id"),
  DUPLICATE_CADENCE("duplicate-cadence", "two files define the same cadence id"),
  DUPLICATE_ITEM("duplicate-item", "a list holds the same item twice"),
  UNKNOWN_STEP("unknown-step", "a reference to a step that does not exist"),
  UNKNOWN_EXIT("unknown-exit", "a reference to an exit that is not declared"),
  UNKNOWN_CADENCE("unknown-cadence", "a handoff to a cadence that is not among the files"),
  UNKNOWN_TEMPLATE("unknown-template", "a template file that does not exist"),
  UNKNOWN_SCRIPT("unknown-script", "a call script file that does not exist"),
  BAD_TEMPLATE(
      "bad-template", "a template without front matter or subject, or with broken placeholders"),
  UNKNOWN_OUTCOME("unknown-outcome", "an outcome or event the format does not define"),
  IMPOSSIBLE_OUTCOME("impossible-outcome", "an outcome the step's channel cannot produce"),
  UNKNOWN_STATUS("unknown-status", "a lead status not in the cadence's statuses list"),
  BAD_JOIN(
      "bad-join",
      "a transition into a join step, a join on itself, or a join waiting on an unreachable step"),
  // Flow
  DAY_BACKWARDS("day-backwards", "a day number earlier than a previous step's"),
  UNREACHABLE_STEP("unreachable-step", "a step that no path from the first step reaches"),
  NO_EXIT("no-exit", "a step from which no end can be reached"),
  LOOP_WITHOUT_WAIT("loop-without-wait", "a loop in which no step waits"),
  GUARD_VIOLATED("guard-violated", "an exit reachable by a path that breaks its require guard"),
  SHADOWED_OUTCOME("shadowed-outcome", "an on-transition that exit_on always pre-empts"),
  UNUSED_EXIT("unused-exit", "an exit no transition leads to"),
  SELF_HANDOFF("self-handoff", "a handoff to the cadence itself");

  private final String id;
  private final String summary;

  Code(String id, String summary) {
    this.id = id;
    this.summary = summary;
  }

  public String id() {
    return id;
  }

  public String summary() {
    return summary;
  }
}
