package dev.cadence.live;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How a tick sends.
 *
 * @param from the sender address (the daily cap counts per sender)
 * @param dailyCap at most this many emails from {@code from} per UTC day; the rest wait for
 *     tomorrow
 * @param listUnsubscribe the List-Unsubscribe target of each email, if configured
 * @param maxDuration how long the tick may send before it stops and leaves the rest to the next
 */
public record TickOptions(
    String from,
    Optional<Integer> dailyCap,
    Optional<UnsubscribeLink> listUnsubscribe,
    Duration maxDuration) {

  /** A tick's time limit when none is given: two cron periods of 5 minutes. */
  public static final Duration DEFAULT_MAX_DURATION = Duration.ofMinutes(10);

  /** With the default time limit. */
  public TickOptions(
      String from, Optional<Integer> dailyCap, Optional<UnsubscribeLink> listUnsubscribe) {
    this(from, dailyCap, listUnsubscribe, DEFAULT_MAX_DURATION);
  }

  /** A duration as people write it: 90s, 10m, 1h30m. */
  public static String words(Duration d) {
    return d.toString().substring(2).toLowerCase(Locale.ROOT).replace(".0s", "s");
  }

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
