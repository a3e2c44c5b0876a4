package dev.cadence.analytics;

/**
 * A kind of data-quality finding in an outcome log. Nothing is dropped silently: every line that is
 * not counted, and every line counted in a way that needed a rule, is one of these.
 */
public enum Issue {
  BAD_ROW(
      "bad-row",
      Effect.SKIPPED,
      "lines that are not a usable CSV record (wrong number of fields, unclosed quote, empty required value, invalid UTF-8)"),
  BAD_TIMESTAMP("bad-timestamp", Effect.SKIPPED, "timestamps that are not ISO-8601 with an offset"),
  UNKNOWN_EVENT(
      "unknown-event", Effect.SKIPPED, "events that are neither a touch nor a known response"),
  RESPONSE_WITHOUT_TOUCH(
      "response-without-touch",
      Effect.SKIPPED,
      "responses with no touch of the same lead, cadence and step"),
  RESPONSE_BEFORE_TOUCH(
      "response-before-touch",
      Effect.COUNTED,
      "responses earlier than every touch of their step: counted on the first touch after them"),
  DUPLICATE_TOUCH(
      "duplicate-touch",
      Effect.MERGED,
      "touch events repeated with the same lead, cadence, step and instant: counted once"),
  UNKNOWN_CHANNEL(
      "unknown-channel",
      Effect.COUNTED,
      "channels that are not email, call, social, task, approval or meeting: counted under their own name"),
  EVENT_CHANNEL_MISMATCH(
      "event-channel-mismatch",
      Effect.COUNTED,
      "events the line's channel cannot produce (e.g. `opened` on a call): counted as logged");

  /** What happened to the lines concerned. */
  public enum Effect {
    SKIPPED("not counted"),
    COUNTED("counted"),
    MERGED("counted once");

    private final String text;

    Effect(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  private final String code;
  private final Effect effect;
  private final String description;

  Issue(String code, Effect effect, String description) {
    this.code = code;
    this.effect = effect;
    this.description = description;
  }

  public String code() {
    return code;
  }

  public Effect effect() {
    return effect;
  }

  public String description() {
    return description;
  }
}
