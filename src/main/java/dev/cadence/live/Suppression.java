package dev.cadence.live;

import java.time.Instant;
import java.util.Locale;

/**
 * An entry of the suppression list: a lead (by id, everywhere: an unsubscribe) or an email address
 * (a hard bounce, a 5xx refusal). Checked at enroll and again right before each send.
 */
public record Suppression(Kind kind, String value, String reason, Instant at) {
  /** What is suppressed. */
  public enum Kind {
    LEAD,
    EMAIL;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Addresses are compared case-insensitively (the domain is; local parts are in practice). */
  public static String normalise(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
