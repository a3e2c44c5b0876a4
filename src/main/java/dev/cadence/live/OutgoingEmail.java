package dev.cadence.live;

import java.util.Optional;

/**
 * One rendered email, ready to hand to an {@link EmailSender}.
 *
 * @param messageId deterministic per (enrollment, step, visit), without angle brackets, so that a
 *     receiving server or a later audit can tell a resend of the same touch from a new one
 * @param listUnsubscribe the RFC 8058 target (an https URL or a mailto), when one is configured
 */
public record OutgoingEmail(
    String messageId,
    String from,
    String to,
    String subject,
    String body,
    Optional<String> listUnsubscribe) {}
