package dev.cadence.cli;

import dev.cadence.live.UnsubscribeTokens;
import java.util.Optional;

/** The secrets commands read from the environment, never from their arguments (seen by `ps`). */
final class Secrets {
  /** Signs and checks unsubscribe tokens. */
  static final String SECRET = "CADENCE_SECRET";

  private Secrets() {}

  /**
   * The tokens signed with {@code CADENCE_SECRET}, or empty when it is not set.
   *
   * @throws CadenceException (usage) when it is set but too short
   */
  static Optional<UnsubscribeTokens> unsubscribeTokens(CommandContext context) {
    Optional<String> secret = context.env(SECRET);
    try {
      return secret.map(UnsubscribeTokens::new);
    } catch (IllegalArgumentException e) {
      throw new CadenceException(ExitCodes.USAGE, SECRET + ": " + e.getMessage());
    }
  }

  /** As {@link #unsubscribeTokens} for commands that cannot work without them. */
  static UnsubscribeTokens requireUnsubscribeTokens(CommandContext context) {
    return unsubscribeTokens(context)
        .orElseThrow(
            () ->
                new CadenceException(
                    ExitCodes.USAGE,
                    "set "
                        + SECRET
                        + " to the secret that signs unsubscribe tokens (the one `run` used)"));
  }
}
