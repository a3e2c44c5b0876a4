package dev.cadence.inbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * RFC 3464 delivery status notifications: a {@code message/delivery-status} part (normally in a
 * {@code multipart/report; report-type=delivery-status}) whose per-recipient blocks say, in {@code
 * Action:}, whether delivery {@code failed} (a bounce) or was {@code delivered}, {@code relayed},
 * {@code expanded} or {@code delayed} (a delivery report: still on its way, or done).
 */
final class DeliveryStatusReports implements Rule {

  @Override
  public Optional<Verdict> judge(MailMessage message, JudgeContext context) {
    Optional<MailPart> part =
        message
            .part("message/delivery-status")
            .or(() -> message.part("message/global-delivery-status"));
    if (part.isEmpty()) {
      return Optional.empty();
    }
    return fromFields(
        part.get().text(),
        message.ownText(),
        MessageIds.referencedBy(message),
        "delivery status notification (RFC 3464)");
  }

  /**
   * The verdict of RFC 3464 per-recipient fields in {@code fields}, with {@code humanText} as the
   * report's readable part; empty when no block names a recipient. Also used for the fields that
   * some servers paste into a plain-text bounce.
   */
  static Optional<Verdict> fromFields(
      String fields, String humanText, List<String> references, String what) {
    List<Headers> blocks = FieldBlocks.parse(fields);
    List<FailedRecipient> failed = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    Set<String> reported = new LinkedHashSet<>();
    String otherAction = null;
    for (Headers block : blocks) {
      Optional<String> address = recipient(block);
      if (address.isEmpty()) {
        continue;
      }
      Optional<String> status = statusCode(block.get("Status"));
      String action = action(block, status);
      if (action.equals("failed")) {
        String diagnostic = FieldBlocks.withoutType(block.get("Diagnostic-Code"));
        BounceCauses.Decision decision =
            isLocalProgram(block.get("Diagnostic-Code"))
                ? new BounceCauses.Decision(BounceCause.MAILER_ERROR, "Diagnostic-Code type x-unix")
                : decide(status, diagnostic, humanText, address.get());
        failed.add(
            new FailedRecipient(
                address.get(), status.or(() -> StatusCodes.find(diagnostic)), decision.cause()));
        evidence.add(describe(address.get(), status, decision, diagnostic));
      } else {
        reported.add(address.get());
        otherAction = otherAction == null ? action : otherAction;
      }
    }
    if (!failed.isEmpty()) {
      return Optional.of(
          new Verdict.Bounce(
              failed, what + ", Action: failed; " + String.join("; ", evidence), references));
    }
    if (otherAction != null) {
      return Optional.of(
          new Verdict.DeliveryReport(
              List.copyOf(reported),
              otherAction,
              what + ", Action: " + otherAction + " for " + String.join(", ", reported),
              references));
    }
    return Optional.empty(); // no recipient block: let the text rules read the human part
  }

  private static Optional<String> recipient(Headers block) {
    for (String field : List.of("Final-Recipient", "Original-Recipient", "X-Actual-Recipient")) {
      Optional<String> address =
          block.first(field).flatMap(v -> Addresses.first(FieldBlocks.withoutType(v)));
      if (address.isPresent()) {
        return address;
      }
    }
    return Optional.empty();
  }

  /** The status code of a {@code Status:} field, which may carry a comment after the code. */
  private static Optional<String> statusCode(String value) {
    return StatusCodes.find(value);
  }

  /**
   * The recipient's action in lowercase. A block without one (RFC 3464 requires it, some servers
   * omit it) is read from its status class: 2 delivered, 4 or 5 failed.
   */
  private static String action(Headers block, Optional<String> status) {
    String action = block.get("Action").strip().toLowerCase(Locale.ROOT);
    int space = action.indexOf(' ');
    if (space > 0) {
      action = action.substring(0, space); // "failed (bad address)"
    }
    if (!action.isEmpty()) {
      return action;
    }
    return status.map(s -> s.startsWith("2") ? "delivered" : "failed").orElse("failed");
  }

  private static BounceCauses.Decision decide(
      Optional<String> status, String diagnostic, String humanText, String address) {
    Optional<String> code = preciserCode(status, diagnostic);
    BounceCauses.Decision fromDiagnostic = BounceCauses.decide(code, diagnostic);
    if (fromDiagnostic.evidence().startsWith("\"")) {
      return fromDiagnostic;
    }
    // No known phrase in Diagnostic-Code (or none given): the human-readable part often quotes
    // the remote server's reply next to the address.
    String near = RecipientBlocks.near(humanText, address);
    if (!near.isEmpty()) {
      BounceCauses.Decision fromHuman = BounceCauses.decide(code, near);
      if (fromHuman.evidence().startsWith("\"")) {
        return fromHuman;
      }
    }
    return fromDiagnostic;
  }

  /**
   * RFC 3464's {@code x-unix} diagnostic type: the local delivery program (procmail, a pipe)
   * failed, whatever words it printed; the address was found.
   */
  private static boolean isLocalProgram(String diagnosticCode) {
    return diagnosticCode.strip().toLowerCase(Locale.ROOT).startsWith("x-unix");
  }

  /** A vague X.0.0 status yields to a precise code quoted in the diagnostic text. */
  private static Optional<String> preciserCode(Optional<String> status, String diagnostic) {
    if (status.isEmpty() || status.get().endsWith(".0.0")) {
      return StatusCodes.find(diagnostic).or(() -> status);
    }
    return status;
  }

  private static String describe(
      String address, Optional<String> status, BounceCauses.Decision decision, String diagnostic) {
    String said = diagnostic.isBlank() ? "" : " (" + Reasons.quote(diagnostic, 80) + ")";
    return address
        + " "
        + status.orElse("no status")
        + " "
        + decision.cause().words()
        + " by "
        + decision.evidence()
        + said;
  }
}
