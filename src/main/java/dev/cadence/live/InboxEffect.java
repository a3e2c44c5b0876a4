package dev.cadence.live;

import java.time.Instant;

/**
 * One change a message causes in the store, decided by {@link InboxPlanner} from what the store
 * holds and made by it in the same transaction (or, in a dry run, only described).
 */
sealed interface InboxEffect {
  /** The address may never be emailed again. */
  record SuppressAddress(String address, String reason) implements InboxEffect {}

  /** An outcome on the touch the message answers, through the engine (exit_on, on: ...). */
  record RecordOutcome(Recorder.Request request) implements InboxEffect {}

  /** Every active enrollment of the lead ends, e.g. its address does not exist. */
  record EndEnrollments(String leadId, String reason) implements InboxEffect {}

  /** Every active enrollment of the lead waits until {@code until}. */
  record Pause(String leadId, Instant until) implements InboxEffect {}

  /** One more soft bounce of the address in a row. */
  record CountSoftBounce(String address) implements InboxEffect {}

  /** The address received mail or answered: its soft bounces no longer run in a row. */
  record ClearSoftBounces(String address) implements InboxEffect {}

  /** A reply for the rep of the enrollment to read. */
  record ReplyToRead(long enrollmentId, String step, String what) implements InboxEffect {}
}
