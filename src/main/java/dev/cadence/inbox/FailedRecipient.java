package dev.cadence.inbox;

import java.util.Objects;
import java.util.Optional;

/**
 * One recipient a bounce reports as failed.
 *
 * @param address the failed address, lowercase domain
 * @param status the enhanced status code (RFC 3463, e.g. {@code 5.1.1}) when the report gives one
 * @param cause why it failed, which decides its class
 */
public record FailedRecipient(String address, Optional<String> status, BounceCause cause) {
  public FailedRecipient {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(cause, "cause");
  }

  public BounceClass bounceClass() {
    return cause.bounceClass();
  }
}
