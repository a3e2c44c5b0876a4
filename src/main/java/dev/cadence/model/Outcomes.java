package dev.cadence.model;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** The vocabulary of response events (contract section 4). */
public final class Outcomes {
  /** Responses any step can have, whatever its channel. */
  public static final Set<String> GENERAL =
      Set.of("interested", "not_interested", "meeting_booked", "qualified", "paid", "returned");

  private Outcomes() {}

  /** Every response event of every channel, sorted. */
  public static Set<String> all() {
    Set<String> all = new TreeSet<>(GENERAL);
    Arrays.stream(Channel.values()).forEach(c -> all.addAll(c.responses()));
    return all;
  }

  public static boolean isKnown(String event) {
    return all().contains(event);
  }
}
