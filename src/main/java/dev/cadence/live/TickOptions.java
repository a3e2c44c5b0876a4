package dev.cadence.live;

import java.util.Optional;

/**
 * How a tick sends.
 *
 * @param from the sender address (the daily cap counts per sender)
 * @param dailyCap at most this many emails from {@code from} per UTC day; the rest wait for
 *     tomorrow
 * @param listUnsubscribe the List-Unsubscribe target (https URL or mailto), if configured
 */
public record TickOptions(
    String from, Optional<Integer> dailyCap, Optional<String> listUnsubscribe) {
  /**
   * The daily cap of {@code run} when none is given: what a warmed-up mailbox can send to people
   * who did not ask for it without its domain's reputation suffering; a new domain wants less, a
   * relay for a whole team more ({@code --daily-cap}).
   */
  public static final int DEFAULT_DAILY_CAP = 200;

  /** How many times a send that keeps failing temporarily is tried before it is given up. */
  public static final int MAX_ATTEMPTS = 8;

  /** Consecutive temporary failures after which the tick stops sending (the server is down). */
  public static final int STOP_AFTER_RETRIES = 5;

  /**
   * Consecutive sends in doubt after which the tick stops sending: a server that takes messages but
   * never answers would otherwise put every due email of the tick in doubt, each one for a person
   * to settle.
   */
  public static final int STOP_AFTER_DOUBTS = 3;
}
