package dev.cadence.inbox;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Requests to stop: a message to one of our unsubscribe mailboxes (the mailto of our
 * List-Unsubscribe header, RFC 2369), or one whose subject, or whose whole fresh text, asks to
 * unsubscribe in English, French, German, Spanish, Italian, Portuguese or Dutch. Quoted text is
 * never read: our own footer quoted back in a reply is not a request.
 */
final class UnsubscribeRequests implements Rule {

  /** A subject or a short answer that asks to be taken off the list. */
  static final Pattern REQUEST =
      Pattern.compile(
          "(?iu)^(?:(?:re|aw|sv|tr|rv|wg|fw|fwd)\\s*:\\s*)*\\W*(?:please\\s+)?(?:"
              + "unsubscribe(?:\\s+me)?|un-subscribe|remove\\s+me(?:\\s+from.*)?|opt[\\s-]?out|"
              + "stop|désabonner|desabonner|désabonnement|désinscription|desinscription|"
              + "me\\s+désinscrire|désinscrire|se\\s+désabonner|abmelden|abbestellen|austragen|"
              + "bitte\\s+abmelden|darse\\s+de\\s+baja|dar\\s+de\\s+baja|darme\\s+de\\s+baja|baja|"
              + "cancelar\\s+suscripción|cancelar\\s+suscripcion|disiscrivimi|cancellami|"
              + "descadastrar|afmelden|uitschrijven)\\b.{0,40}$");

  /** The fields that may name the mailbox a message was sent to. */
  private static final List<String> RECIPIENT_FIELDS =
      List.of("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To");

  @Override
  public Optional<Verdict> judge(MailMessage message, JudgeContext context) {
    Headers h = message.headers();
    Optional<String> sender =
        Addresses.first(h.get("Reply-To")).or(() -> Addresses.first(message.from()));
    if (sender.isEmpty()) {
      return Optional.empty();
    }
    if (!context.unsubscribeAddresses().isEmpty()) {
      for (String field : RECIPIENT_FIELDS) {
        for (String value : h.all(field)) {
          for (String to : Addresses.all(value)) {
            if (context.unsubscribeAddresses().contains(to)) {
              return verdict(message, sender.get(), "sent to our unsubscribe address " + to);
            }
          }
        }
      }
    }
    String subject = message.subject().strip();
    if (REQUEST.matcher(subject).matches()) {
      return verdict(message, sender.get(), "subject asks to unsubscribe: \"" + subject + "\"");
    }
    String fresh = FreshText.full(message.ownText());
    if (!fresh.isEmpty() && fresh.length() < 80 && REQUEST.matcher(fresh.strip()).matches()) {
      return verdict(
          message, sender.get(), "reply asks to unsubscribe: " + Reasons.quote(fresh, 60));
    }
    return Optional.empty();
  }

  private static Optional<Verdict> verdict(MailMessage message, String sender, String why) {
    return Optional.of(
        new Verdict.Unsubscribe(
            sender.toLowerCase(Locale.ROOT), why, MessageIds.referencedBy(message)));
  }
}
