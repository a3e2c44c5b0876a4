package dev.cadence.inbox;

import java.util.Locale;
import java.util.Optional;

/**
 * Decides a failed recipient's cause from its status code and diagnostic text together: the text
 * first (servers put their precise reason there, and often send a vague X.0.0 or a wrong status),
 * the status code when the text says nothing known.
 */
final class BounceCauses {
  private BounceCauses() {}

  /** A cause and the evidence for it, for the reason line. */
  record Decision(BounceCause cause, String evidence) {}

  static Decision decide(Optional<String> status, String diagnostic) {
    Optional<DiagnosticPhrases.Match> phrase = DiagnosticPhrases.find(diagnostic);
    if (phrase.isPresent()) {
      BounceCause cause = phrase.get().cause();
      if (cause.bounceClass() == BounceClass.HARD && refusedAtMailFrom(diagnostic)) {
        // Refused at MAIL FROM, before any recipient was named: "no such domain" is our domain.
        return new Decision(
            BounceCause.SENDER_REJECTED, "\"" + phrase.get().phrase() + "\" at MAIL FROM");
      }
      if (cause == BounceCause.USER_UNKNOWN && mailboxExists(status, diagnostic)) {
        // RFC 3463 X.2.0: "the mailbox exists, but something about the destination mailbox has
        // caused the sending of this DSN": a server that answers "user unknown" with it refuses
        // the message, not the address.
        return new Decision(
            BounceCause.FILTERED, "\"" + phrase.get().phrase() + "\" with status X.2.0");
      }
      if (cause == BounceCause.USER_UNKNOWN && refusedAfterData(diagnostic)) {
        // The server took the address at RCPT TO and refused the message after reading it: the
        // mailbox exists, a filter (often one that answers "user unknown" to everything) refused.
        return new Decision(
            BounceCause.FILTERED, "\"" + phrase.get().phrase() + "\" after the message data");
      }
      return new Decision(cause, "\"" + phrase.get().phrase() + "\"");
    }
    Optional<String> code = status.or(() -> StatusCodes.find(diagnostic));
    Optional<BounceCause> byCode = code.flatMap(StatusCodes::cause);
    if (byCode.isPresent()) {
      return new Decision(byCode.get(), "status " + code.get());
    }
    if (refusedAtMailFrom(diagnostic)) {
      return new Decision(BounceCause.SENDER_REJECTED, "refused at MAIL FROM");
    }
    return new Decision(BounceCause.UNDEFINED, code.map(c -> "status " + c).orElse("no code"));
  }

  private static boolean mailboxExists(Optional<String> status, String diagnostic) {
    return status
        .or(() -> StatusCodes.find(diagnostic))
        .filter(s -> s.matches("[45]\\.2\\.0"))
        .isPresent();
  }

  private static boolean refusedAfterData(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("end of data")
        || lower.contains("final data")
        || lower.contains("after data")
        || lower.contains("reply to data");
  }

  private static boolean refusedAtMailFrom(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    return lower.contains("after mail from") || lower.contains("reply to mail from");
  }
}
