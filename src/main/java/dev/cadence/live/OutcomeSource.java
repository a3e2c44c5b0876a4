package dev.cadence.live;

import java.util.Optional;
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

  /**
   * An outcome to record.
   *
   * @param key what identifies this item across imports of the same source (its content and its
   *     occurrence), when the source can tell: an item whose key was recorded before is skipped
   */
  record Outcome(String location, Recorder.Request request, Optional<String> key) implements Item {
    /** An outcome without a key: recognised again only by its event and instant. */
    public Outcome(String location, Recorder.Request request) {
      this(location, request, Optional.empty());
    }
  }

  /** An item that could not be read as an outcome, with why; the rest of the source goes on. */
  record Unreadable(String location, String problem) implements Item {}

  /**
   * Hands every item to {@code sink}, in order.
   *
   * @throws java.io.UncheckedIOException when the source itself cannot be read further
   */
  void forEach(Consumer<Item> sink);
}
