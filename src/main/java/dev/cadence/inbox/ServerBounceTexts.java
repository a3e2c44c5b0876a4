package dev.cadence.inbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bounces that are not RFC 3464 reports: the plain-text notices of qmail, Exim, Gmail, Yahoo,
 * Exchange, DragonFly and many others. A message is one when it comes from mail software or has a
 * bounce subject, and its text reads like a bounce (see {@link BounceSigns}). Failed recipients and
 * their codes are read from the text before the returned original.
 */
final class ServerBounceTexts implements Rule {

  /**
   * Where the returned original starts in a bounce that pastes it as text: the separators the
   * servers write ("--- Below this line is a copy of the message.", "----- Original message -----",
   * "Message headers follow.", ...), or the original's first header line.
   */
  private static final Pattern ORIGINAL_LINE =
      Pattern.compile(
          "(?i)(?:.*(?:below this line is a copy of the message|this is a copy of the message"
              + "|copy of the original message|original message (?:follows|headers|is below)"
              + "|message headers follow|unsent message follows|header of the original message).*"
              + "|[-=_*\\s]*(?:original|returned) message[-=_*\\s]*"
              + "|content-type:\\s*message/rfc822.*"
              + "|(?:return-path|received|dkim-signature):.*)");

  /** The offset of the returned original in {@code text}, or its length when there is none. */
  static int originalStart(String text) {
    int pos = 0;
    int n = text.length();
    while (pos < n) {
      int eol = text.indexOf('\n', pos);
      int end = eol < 0 ? n : eol;
      if (end - pos > 8
          && mayStartOriginal(text, pos, end)
          && ORIGINAL_LINE.matcher(text.substring(pos, end)).matches()) {
        return pos;
      }
      pos = end + 1;
    }
    return n;
  }

  /** A cheap look at a line before the pattern: separators and header names only. */
  private static boolean mayStartOriginal(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == 'e' || c == 'E') {
        return true; // every marker has an "e"; most lines of a bounce's prose do too, cheaply
      }
    }
    return false;
  }

  @Override
  public Optional<Verdict> judge(MailMessage message, JudgeContext context) {
    Headers headers = message.headers();
    Optional<String> sender = BounceSigns.sender(headers);
    Optional<String> subject = BounceSigns.subject(message.subject());
    if (sender.isEmpty() && subject.isEmpty()) {
      return Optional.empty();
    }
    String text = message.ownText();
    int cut = originalStart(text);
    String section = text.substring(0, cut);
    Optional<String> body = BounceSigns.body(section);
    Optional<String> failure = failure(section);
    boolean mailSoftware = sender.isPresent() && !sender.get().startsWith("Return-Path");
    boolean bounce =
        mailSoftware && (subject.isPresent() || body.isPresent() || failure.isPresent())
            || sender.isPresent() && (subject.isPresent() || body.isPresent())
            || subject.isPresent() && body.isPresent() && failure.isPresent();
    if (!bounce) {
      return Optional.empty();
    }
    String signs = String.join(", ", present(sender, subject, body.or(() -> failure)));
    List<String> references = MessageIds.referencedBy(message, text.substring(cut));
    if (FINAL_RECIPIENT.matcher(text).find()) {
      // Some servers paste RFC 3464's fields into a plain-text notice: read them as a report.
      Optional<Verdict> fields =
          DeliveryStatusReports.fromFields(
              text,
              section,
              references,
              "bounce notice (" + signs + ") with delivery status fields");
      if (fields.isPresent()) {
        return fields;
      }
    }
    Optional<String> delay = BounceSigns.delay(message.subject(), section);
    List<FailedAddresses.Found> found = FailedAddresses.find(section, excluded(message, text, cut));
    if (delay.isPresent()) {
      List<String> addresses = found.stream().map(FailedAddresses.Found::address).toList();
      return Optional.of(
          new Verdict.DeliveryReport(
              addresses,
              "delayed",
              "delay warning, not a failure (" + delay.get() + "; " + signs + ")",
              references));
    }
    List<FailedRecipient> failed = new ArrayList<>();
    List<String> evidence = new ArrayList<>();
    for (FailedAddresses.Found f : found) {
      Optional<String> status = StatusCodes.find(f.text());
      // The address's own line first (Sendmail puts each recipient's reply on it), then the
      // lines that follow it, then the whole notice.
      String own = f.text().lines().findFirst().orElse("");
      BounceCauses.Decision decision = BounceCauses.decide(StatusCodes.find(own), own);
      if (!decision.evidence().startsWith("\"")) {
        decision = BounceCauses.decide(status, f.text());
      }
      if (!decision.evidence().startsWith("\"")) {
        BounceCauses.Decision whole = BounceCauses.decide(status, section);
        decision = whole.cause() == BounceCause.UNDEFINED ? decision : whole;
      }
      failed.add(new FailedRecipient(f.address(), status, decision.cause()));
      evidence.add(f.address() + " " + decision.cause().words() + " by " + decision.evidence());
    }
    if (failed.isEmpty()) {
      for (String to : originalRecipients(message, text.substring(cut))) {
        BounceCauses.Decision decision = BounceCauses.decide(Optional.empty(), section);
        Optional<String> status = StatusCodes.find(section);
        failed.add(new FailedRecipient(to, status, decision.cause()));
        evidence.add(
            to
                + " (the returned original's To) "
                + decision.cause().words()
                + " by "
                + decision.evidence());
      }
    }
    String recipients =
        evidence.isEmpty() ? "no failed address found" : String.join("; ", evidence);
    return Optional.of(
        new Verdict.Bounce(failed, "bounce notice (" + signs + "); " + recipients, references));
  }

  /** A server's failure words or a failure status code in the text, as evidence. */
  private static Optional<String> failure(String section) {
    if (section.length() > 4000) {
      section = section.substring(0, 4000); // the reason is near the top; bound the cost
    }
    Optional<String> code = StatusCodes.find(section).filter(c -> !c.startsWith("2"));
    if (code.isPresent()) {
      return Optional.of("status " + code.get());
    }
    return DiagnosticPhrases.find(section).map(m -> "text \"" + m.phrase() + "\"");
  }

  private static List<String> present(Optional<String>... signs) {
    List<String> list = new ArrayList<>();
    for (Optional<String> s : signs) {
      s.ifPresent(list::add);
    }
    return list;
  }

  /** Us (the bounce's own recipients) and the returned original's sender. */
  private static Set<String> excluded(MailMessage message, String text, int cut) {
    Set<String> excluded = new LinkedHashSet<>();
    Headers h = message.headers();
    for (String field : List.of("To", "Cc", "From", "Return-Path", "Sender", "Reply-To")) {
      h.all(field).forEach(v -> excluded.addAll(FailedAddresses.inHeader(v)));
    }
    message
        .embeddedHeaders()
        .ifPresent(
            e -> {
              e.all("From").forEach(v -> excluded.addAll(FailedAddresses.inHeader(v)));
              e.all("Return-Path").forEach(v -> excluded.addAll(FailedAddresses.inHeader(v)));
            });
    Matcher from = PASTED_FROM.matcher(text.substring(cut));
    while (from.find()) {
      excluded.addAll(FailedAddresses.inHeader(from.group(1)));
    }
    return excluded;
  }

  private static final Pattern FINAL_RECIPIENT = Pattern.compile("(?im)^\\s*final-recipient:");
  private static final Pattern PASTED_FROM =
      Pattern.compile("(?im)^(?:from|return-path|sender):(.*)$");
  private static final Pattern PASTED_TO = Pattern.compile("(?im)^to:(.*)$");

  /** The returned original's To, when the notice itself names no address. */
  private static List<String> originalRecipients(MailMessage message, String pasted) {
    Set<String> to = new LinkedHashSet<>();
    message.embeddedHeaders().ifPresent(e -> e.all("To").forEach(v -> to.addAll(Addresses.all(v))));
    if (to.isEmpty()) {
      Matcher m = PASTED_TO.matcher(pasted);
      if (m.find()) {
        to.addAll(Addresses.all(m.group(1)));
      }
    }
    to.removeIf(a -> Addresses.isMailSoftware(a.substring(0, a.indexOf('@'))));
    return List.copyOf(to);
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
