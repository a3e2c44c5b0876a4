package dev.cadence.inbox;

import java.util.Locale;

/** Whose problem a failed delivery is, as the contract defines it. */
public enum BounceClass {
  /** The address or its domain does not exist, or the mailbox has moved: suppress the address. */
  HARD,
  /** Temporary or about this message (full mailbox, content, size, network): keep the address. */
  SOFT,
  /** Our side (blocked, unauthenticated, bad reputation, relaying): never blame the lead. */
  SENDER;

  /** The word the JSON output uses. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
