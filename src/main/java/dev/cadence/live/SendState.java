package dev.cadence.live;

import java.util.Locale;

/**
 * Where one email send (one enrollment, step and visit) stands. A row exists from the claim on; the
 * UNIQUE key of the store on (enrollment, step, visit) makes a second row for the same touch
 * impossible, so the only way to send twice would be to move a row back, which only {@link #RETRY}
 * and an explicit {@code cadence resolve --as not-sent} do.
 */
public enum SendState {
  /**
   * Reserved by a tick; nothing has gone to the server yet. A tick that finds one left over may
   * retake it.
   */
  CLAIMED,
  /**
   * Committed just before the message is handed to the server: found after a crash, it becomes
   * {@link #IN_DOUBT}.
   */
  SENDING,
  /** The server accepted it. */
  SENT,
  /** Not delivered, to be tried again after {@code nextAttempt} (4xx, connection failures). */
  RETRY,
  /** Refused for good (5xx) or given up: never tried again. */
  FAILED,
  /**
   * Handed over without a final answer (crash or timeout after DATA): never resent automatically.
   */
  IN_DOUBT,
  /**
   * Not rendered: a placeholder the lead cannot fill. Tried again later (the lead list or template
   * may be fixed).
   */
  HELD,
  /** Dropped before sending: the lead was suppressed or the step was no longer due. */
  CANCELLED;

  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static SendState fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /** True for the states a row ends in. */
  public boolean isFinal() {
    return this == SENT || this == FAILED || this == CANCELLED;
  }
}
