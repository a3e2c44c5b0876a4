package dev.cadence.live;

import java.util.function.Consumer;

/**
 * Outcomes that arrive from outside, one by one, each with the place it came from (a CSV's line, a
 * mailbox's message) so that a refusal can be shown there. The CSV of {@code record --csv} is one
 * source; {@link OutcomeImport} is the one loop that records any of them.
 */
public interface OutcomeSource {

  /** One item of a source. */
  sealed interface Item {
    /** Where it came from, as messages name it (e.g. {@code outcomes.csv:12}). */
    String location();
  }

  /** An outcome to record. */
  record Outcome(String location, Recorder.Request request) implements Item {}

  /** An item that could not be read as an outcome, with why; the rest of the source goes on. */
  record Unreadable(String location, String problem) implements Item {}

  /**
   * Hands every item to {@code sink}, in order.
   *
   * @throws java.io.UncheckedIOException when the source itself cannot be read further
   */
  void forEach(Consumer<Item> sink);
}
