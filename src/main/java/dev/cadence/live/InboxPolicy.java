package dev.cadence.live;

import java.time.Duration;

/**
 * How the inbox acts where the message leaves it open.
 *
 * @param softBouncesAsHard soft bounces of one address in a row that count as a hard bounce
 * @param defaultPause how long an out-of-office reply pauses the lead when it states no return date
 */
public record InboxPolicy(int softBouncesAsHard, Duration defaultPause) {
  public static final InboxPolicy DEFAULT = new InboxPolicy(3, Duration.ofDays(7));

  public InboxPolicy {
    if (softBouncesAsHard < 1) {
      throw new IllegalArgumentException("soft bounces as hard must be at least 1");
    }
    if (defaultPause.isNegative() || defaultPause.isZero()) {
      throw new IllegalArgumentException("the default pause must be positive");
    }
  }
}
