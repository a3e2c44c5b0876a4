package dev.cadence.model;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** The vocabulary of response events (contract section 4). */
public final class Outcomes {
  /** Responses any step can have, whatever its channel. */
  public static final Set<String> GENERAL =
      Set.of("interested", "not_interested", "meeting_booked", "qualified", "paid", "returned");

  private Outcomes() {}

  /** Every response event of every channel, sorted; built once (validate asks for each outcome). */
  private static final Set<String> ALL;

  static {
    TreeSet<String> all = new TreeSet<>(GENERAL);
    for (Channel c : Channel.values()) {
      all.addAll(c.responses());
    }
    ALL = Collections.unmodifiableSortedSet(all);
  }

  /** Every response event of every channel, sorted. */
  public static Set<String> all() {
    return ALL;
  }

  public static boolean isKnown(String event) {
    return ALL.contains(event);
  }
}
