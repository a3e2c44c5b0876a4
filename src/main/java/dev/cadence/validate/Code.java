package dev.cadence.validate;

/** Every diagnostic the linter can report, with its stable id (used in output and docs). */
public enum Code {
  // Reading the file
  IO_ERROR(
      "io-error",
      "the file could not be read",
      "the file (or a referenced template) cannot be read: permissions, a file removed while reading. Exit code 3",
      "check the path and its permissions"),
  EMPTY_FILE(
      "empty-file",
      "the file holds no cadence",
      "the file is empty or holds only comments / `null`",
      "add at least `cadence:` and `steps:`"),
  BINARY_FILE(
      "binary-file",
      "the file is binary, not YAML text",
      "a NUL byte: the file is binary",
      "point `validate` at YAML text files only"),
  BAD_ENCODING(
      "bad-encoding",
      "the file is not valid UTF-8",
      "bytes that are not valid UTF-8 (the message gives the offset)",
      "save the file as UTF-8"),
  FILE_TOO_LARGE(
      "file-too-large",
      "the file is larger than a cadence can be",
      "more than 1 MiB",
      "split it into several cadences"),
  YAML_SYNTAX(
      "yaml-syntax",
      "the file is not well-formed YAML",
      "YAML that does not parse (bad indentation, an unclosed `[`, a tab)",
      "fix the syntax at the line and column given"),
  YAML_LIMIT(
      "yaml-limit",
      "aliases, nesting or size exceed the safe limits",
      "more than 50 aliases, nesting deeper than 64, more than 100,000 nodes once aliases are expanded, or a line over 65,536 characters",
      "write the values out; cadences need no deep aliasing"),
  YAML_TAG(
      "yaml-tag",
      "a custom YAML tag is used; cadences are plain data",
      "a custom tag such as `!custom`",
      "remove the tag: cadences are plain data"),
  MULTIPLE_DOCUMENTS(
      "multiple-documents",
      "more than one YAML document in one file",
      "a second document (`---`) in the file",
      "one cadence per file"),
  DUPLICATE_KEY(
      "duplicate-key",
      "a key appears twice in one mapping",
      "a key twice in one mapping (the second is ignored)",
      "keep one of them"),
  // Shape
  UNKNOWN_KEY(
      "unknown-key",
      "a key the format does not define",
      "a key the format does not define, at the top level, in `schedule`, an exit, a step or a target (including `<<` merge keys)",
      "use the suggested key; see the tables above"),
  MISSING_FIELD(
      "missing-field",
      "a required key is missing",
      "no `cadence`, no `steps`, an empty `steps` list, a step without `id` or `channel`, an email step without `template`, `variants` without a default `template`, an empty target `{}`",
      "add the field the message names"),
  BAD_TYPE(
      "bad-type",
      "a value has the wrong type (mapping, list, text or number)",
      "a value of the wrong kind: a list where text is expected, text where a list or mapping is expected, a file whose top level is not a mapping",
      "write the shape the message names, e.g. `exit_on: [replied]`"),
  BAD_ID(
      "bad-id",
      "an id does not match [a-z0-9][a-z0-9-]*",
      "a cadence id, step id or exit name that does not match its pattern (upper case, spaces, a leading `-`)",
      "use the suggested lower-case id"),
  CONFLICTING_KEYS(
      "conflicting-keys",
      "two keys that exclude each other are both given",
      "a step with both `day` and `wait`; a target with more than one of `exit`, `handoff`, `fork`",
      "keep one"),
  MISPLACED_KEY(
      "misplaced-key",
      "a key that does not apply to this step's channel",
      "`template` on a call, task, approval or meeting step; `script` on a step that is not a call",
      "remove it, or use `script` on calls"),
  UNKNOWN_CHANNEL(
      "unknown-channel",
      "a channel the format does not define",
      "a step `channel` or a `require` key that is not one of `email call social task approval meeting`",
      "use one of them"),
  BAD_MODEL(
      "bad-model",
      "model is neither transactional nor relational",
      "`model` other than `transactional` or `relational`",
      "fix the spelling"),
  // Values
  BAD_TIMEZONE(
      "bad-timezone",
      "not an IANA time zone",
      "`timezone` that is neither `lead` nor an IANA zone; `fallback_timezone` that is not an IANA zone",
      "write e.g. `Europe/Paris`, `America/New_York`"),
  BAD_WINDOW(
      "bad-window",
      "not a HH:MM-HH:MM window",
      "`window` not `HH:MM-HH:MM`, invalid times, or a start not before the end",
      "write e.g. `\"09:00-17:00\"`"),
  BAD_DURATION(
      "bad-duration",
      "not a duration such as 2d or 1d12h",
      "`min_gap`, `wait` or `reminder` not in the duration syntax (`2 days`, `1.5d`, `2D`)",
      "write e.g. `2d`, `1d12h`, `90m`"),
  BAD_DATE(
      "bad-date",
      "not a YYYY-MM-DD date",
      "a holiday that is not a real `YYYY-MM-DD` date (`2026-02-30`, `25/12/2026`)",
      "write e.g. `2026-12-25`"),
  BAD_DAY(
      "bad-day",
      "a day number below 1, or not an integer",
      "`day` below 1, or not a plain whole number (`\"3\"`, `[1]`)",
      "`day: 1` is the enrollment day"),
  BAD_BUSINESS_DAY(
      "bad-business-day",
      "not a day of the week (MON..SUN)",
      "a business day that is not a day of the week; an empty `business_days` list",
      "use `MON`..`SUN`"),
  BAD_COUNT(
      "bad-count",
      "a count that is not a non-negative integer",
      "a `require` count that is not a whole number, or is negative",
      "write e.g. `email: 2`"),
  // References
  DUPLICATE_STEP(
      "duplicate-step", "two steps share an id", "two steps with the same id", "rename one"),
  DUPLICATE_CADENCE(
      "duplicate-cadence",
      "two files define the same cadence id",
      "two files with the same `cadence` id (reported on the second)",
      "rename one"),
  DUPLICATE_ITEM(
      "duplicate-item",
      "a list holds the same item twice",
      "the same item twice in a list (`exit_on`, `statuses`, `business_days`, `holidays`, `requires`, `checklist`, `after`, `fork`)",
      "remove the repeat"),
  UNKNOWN_STEP(
      "unknown-step",
      "a reference to a step that does not exist",
      "a transition, fork or `after` naming a step that does not exist",
      "use the suggested id"),
  UNKNOWN_EXIT(
      "unknown-exit",
      "a reference to an exit that is not declared",
      "`{exit: NAME}` for an exit not declared under `exits`",
      "declare it, or fix the name"),
  UNKNOWN_CADENCE(
      "unknown-cadence",
      "a handoff to a cadence that is not among the files",
      "`{handoff: ID}` for a cadence not among the files validated",
      "validate the folder that holds both (`cadence validate cadences/`), or fix the id"),
  UNKNOWN_TEMPLATE(
      "unknown-template",
      "a template file that does not exist",
      "a `template` or `variants` value with no `templates/NAME.md` beside the cadence (or a name with `/` or `..`)",
      "create the file"),
  UNKNOWN_SCRIPT(
      "unknown-script",
      "a call script file that does not exist",
      "a call `script` with no `scripts/NAME.md` beside the cadence",
      "create the file"),
  BAD_TEMPLATE(
      "bad-template",
      "a template without front matter or subject, or with broken placeholders",
      "an email template without front matter, front matter not closed by `---`, no or empty `subject`, front matter that is not `key: value` lines, a placeholder that is not a field name (`{{first name}}`), a `{{` not closed on its line, sections nested more than 100 deep",
      "fix the template at the line given (lines are the template's)"),
  UNKNOWN_OUTCOME(
      "unknown-outcome",
      "an outcome or event the format does not define",
      "an `on` key or `exit_on` item outside the outcome vocabulary (`answered`, `unsubscribe`)",
      "use the suggested outcome"),
  IMPOSSIBLE_OUTCOME(
      "impossible-outcome",
      "an outcome the step's channel cannot produce",
      "an outcome the step's channel cannot produce (`replied` on a call)",
      "use one of the outcomes the message lists"),
  UNKNOWN_STATUS(
      "unknown-status",
      "a lead status not in the cadence's statuses list",
      "a step or exit `status` not in `statuses` (when `statuses` is given)",
      "add it to `statuses` or fix the spelling"),
  BAD_JOIN(
      "bad-join",
      "a transition into a join step, a join on itself, or a join waiting on an unreachable step",
      "a transition into a join step; a step whose `after` names itself; a first step with `after`; a join waiting on a step that no path reaches while others it waits on are reached (leads would stall before it: a join is reachable only when all its `after` steps are). As a warning: a fork of fewer than two steps",
      "let the join start by itself; lead to every step of `after` (often a missing `fork`) or take the unreachable one out; use a plain step id instead of a one-step fork"),
  // Flow
  DAY_BACKWARDS(
      "day-backwards",
      "a day number earlier than a previous step's",
      "a `day` smaller than an earlier step's `day` in file order",
      "order the steps by day, or use `wait` for branch steps"),
  UNREACHABLE_STEP(
      "unreachable-step",
      "a step that no path from the first step reaches",
      "a step that no path from the first step reaches",
      "point an outcome or `next` at it, or remove it"),
  NO_EXIT(
      "no-exit",
      "a step from which no end can be reached",
      "a reachable step from which no exit, handoff or end of the cadence can be reached",
      "add an outcome or `next` that leaves the loop"),
  LOOP_WITHOUT_WAIT(
      "loop-without-wait",
      "a loop in which no step waits",
      "a cycle (often an implicit successor falling back into a branch) in which no step has a positive `wait`",
      "give one of its steps `wait:`, or end the step before the branch with `next`"),
  GUARD_VIOLATED(
      "guard-violated",
      "an exit reachable by a path that breaks its require guard",
      "an exit reachable by a path with fewer touches than its `require` asks for; the message shows the path",
      "add the missing touches before the transition, or send it elsewhere"),
  SHADOWED_OUTCOME(
      "shadowed-outcome",
      "an on-transition that exit_on always pre-empts",
      "an `on` entry for an outcome that is also in `exit_on`, which always ends the enrollment first",
      "remove the entry, or take the outcome out of `exit_on`"),
  UNUSED_EXIT(
      "unused-exit",
      "an exit no transition leads to",
      "a declared exit no transition leads to",
      "use it or remove it"),
  SELF_HANDOFF(
      "self-handoff",
      "a handoff to the cadence itself",
      "a handoff to the cadence itself",
      "point to a step id to repeat steps");

  private final String id;
  private final String summary;
  private final String description;
  private final String fix;

  /**
   * @param summary what the code means, in a few words
   * @param description what triggers it, in full (Markdown: code in backticks)
   * @param fix how to fix it (Markdown); docs/cadence-format.md's table of codes shows both
   */
  Code(String id, String summary, String description, String fix) {
    this.id = id;
    this.summary = summary;
    this.description = description;
    this.fix = fix;
  }

  public String id() {
    return id;
  }

  public String summary() {
    return summary;
  }

  /** What triggers the code, in full; Markdown, with code in backticks. */
  public String description() {
    return description;
  }

  /** How to fix it; Markdown, with code in backticks. */
  public String fix() {
    return fix;
  }
}
