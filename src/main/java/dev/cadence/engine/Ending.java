package dev.cadence.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * How an enrollment ended.
 *
 * @param kind why it ended
 * @param name the exit name, the handoff's cadence id, or the exit_on event
 * @param status the lead status the exit sets, if any
 */
public record Ending(Kind kind, String name, Optional<String> status, Instant at) {
  /** The ways an enrollment ends. */
  public enum Kind {
    /** A named exit of the cadence. */
    EXIT,
    /** Handed over to another cadence. */
    HANDOFF,
    /** An exit_on event (replied, unsubscribed...). */
    EVENT,
    /** Ran past its last step. */
    COMPLETED,
    /** Never touched: the lead is do-not-contact or suppressed. */
    SUPPRESSED
  }
}
