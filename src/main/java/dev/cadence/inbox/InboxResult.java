package dev.cadence.inbox;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code inbox} did (or, in a dry run, would do) with one message: where it came from, its
 * verdict, the lead, cadence and step it was matched to (when a store was consulted), and the
 * action in a few words.
 *
 * @param source where the message was read: a file path, {@code PATH#N} for the Nth message of an
 *     mbox, {@code -} for standard input, {@code imap:FOLDER/UID}
 */
public record InboxResult(
    String source,
    Optional<String> messageId,
    Verdict verdict,
    Optional<String> leadId,
    Optional<String> cadence,
    Optional<String> step,
    String action) {
  public InboxResult {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(leadId, "leadId");
    Objects.requireNonNull(cadence, "cadence");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(action, "action");
  }

  /** A dry run's result: no lead matched, the action described as what would be done. */
  public static InboxResult dryRun(String source, Optional<String> messageId, Verdict verdict) {
    return new InboxResult(
        source,
        messageId,
        verdict,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        DryRunActions.describe(verdict));
  }
}
