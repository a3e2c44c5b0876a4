package dev.cadence.inbox;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A person's answer: a message with a sender address that nothing marks as machine-made or bulk (no
 * {@code Auto-Submitted} other than {@code no}, no {@code List-Id} or {@code List-Unsubscribe} of a
 * mailing list, no {@code Precedence: bulk/list/junk}, not from mail software or a no-reply
 * address). The integrator matches it to our email through its references or its sender.
 */
final class Replies implements Rule {

  @Override
  public Optional<Verdict> judge(MailMessage message, JudgeContext context) {
    Optional<String> sender = Addresses.first(message.from());
    if (sender.isEmpty()) {
      return Optional.empty();
    }
    if (machineMade(message.headers(), sender.get()).isPresent()) {
      return Optional.empty();
    }
    List<String> references = MessageIds.referencedBy(message);
    String fresh = FreshText.of(message.ownText());
    String how =
        references.isEmpty()
            ? "no In-Reply-To/References: match by sender"
            : "answers " + references.get(0);
    return Optional.of(
        new Verdict.Reply(
            sender.get(),
            fresh,
            "a person's message from " + sender.get() + " (" + how + ")",
            references));
  }

  /** Why a message is not a person's answer, if it is not. */
  static Optional<String> machineMade(Headers h, String sender) {
    String auto = h.get("Auto-Submitted").strip().toLowerCase(Locale.ROOT);
    if (!auto.isEmpty() && !auto.startsWith("no")) {
      return Optional.of("Auto-Submitted: " + auto);
    }
    if (h.has("List-Id")) {
      return Optional.of("mailing list message (List-Id)");
    }
    if (h.has("List-Unsubscribe") && !h.has("In-Reply-To")) {
      return Optional.of("bulk message (List-Unsubscribe)");
    }
    String precedence = h.get("Precedence").strip().toLowerCase(Locale.ROOT);
    if (precedence.equals("bulk") || precedence.equals("list") || precedence.equals("junk")) {
      return Optional.of("Precedence: " + precedence);
    }
    String local = sender.substring(0, sender.indexOf('@'));
    if (Addresses.isMailSoftware(local)
        || local.matches("(?i)no-?reply.*|do-?not-?reply.*|notifications?|alerts?")) {
      return Optional.of("sent by a machine address " + sender);
    }
    return Optional.empty();
  }
}
