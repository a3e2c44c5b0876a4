package dev.cadence.inbox;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a delivery failure that is not an RFC 3464 report shows itself: who sent it (RFC 5321's null
 * reverse-path, MAILER-DAEMON, postmaster, "Mail Delivery Subsystem"), its subject, and the
 * sentences the common servers open their bounces with. One sign alone never makes a bounce: a
 * person may write "undeliverable" and a postmaster may write to us about anything.
 */
final class BounceSigns {

  /** Subjects of the common servers' bounces (Postfix, Sendmail, qmail, Exim, Exchange, ...). */
  static final List<String> SUBJECTS =
      List.of(
          "undelivered mail returned to sender",
          "delivery status notification",
          "failure notice",
          "undeliverable",
          "undelivered mail",
          "undeliverable mail",
          "returned mail",
          "mail delivery failed",
          "delivery failure",
          "delivery failed",
          "delivery has failed",
          "mail system error",
          "non-delivery",
          "nondeliverable",
          "non delivery",
          "delivery notification",
          "could not be delivered",
          "couldn't be delivered",
          "message delivery has failed",
          "returned to sender",
          "message not delivered",
          "error sending your mail",
          "delivery report",
          "delivery problem",
          "mail delivery status",
          "see transcript for details",
          "warning: message",
          "delayed mail",
          "delivery delayed");

  /** Opening sentences of bounce bodies, as the servers write them. */
  static final List<String> BODIES =
      List.of(
          "this is the mail system at host", // Postfix
          "could not be delivered to one or more recipients",
          "wasn't able to deliver your message", // qmail
          "this is a permanent error",
          "delivery to the following recipient failed", // Gmail
          "delivery to the following recipients failed",
          "a message that you sent could not be delivered", // Exim
          "message that you sent has not yet been delivered",
          "the following address(es) failed",
          "following addresses had permanent fatal errors", // Sendmail
          "transcript of session follows",
          "unable to deliver your message", // Yahoo
          "unable to deliver message",
          "unable to deliver the message",
          "did not reach the following recipient", // Exchange
          "delivery has failed to these recipients",
          "your message couldn't be delivered",
          "your message could not be delivered",
          "your message was not delivered",
          "your message wasn't delivered",
          "message could not be delivered",
          "could not deliver",
          "couldn't deliver",
          "error delivering your mail", // DragonFly
          "there was an error delivering",
          "was not delivered to",
          "permanent failure",
          "permanent error",
          "delivery failed",
          "failed to deliver",
          "delivery has failed",
          "undeliverable",
          "not be delivered",
          "has been rejected",
          "rejected your message",
          "smtp error from remote",
          "error from remote mail server",
          "remote host said",
          "host said:",
          "said:",
          "returned to sender",
          "delivery error",
          "delivery problem",
          "delivery status",
          "user unknown",
          "no such user",
          "mailbox unavailable",
          "unable to deliver",
          "could not be reached",
          "has not yet been delivered",
          "had delivery errors",
          "was rejected by",
          "were rejected by",
          "recipients was rejected",
          "giving up");

  /** What delay warnings say: the server is still trying, nothing has failed yet. */
  static final List<String> DELAYS =
      List.of(
          "has not yet been delivered",
          "delivery attempts will continue",
          "will continue to try",
          "will retry",
          "still trying",
          "this is a warning message only",
          "delivery delayed",
          "(delay)",
          "delayed mail",
          "warning: message",
          "delay reason");

  private BounceSigns() {}

  /** The sign in who sent it: mail software or the null reverse-path, if any. */
  static Optional<String> sender(Headers headers) {
    String from = headers.get("From").strip();
    String lower = from.toLowerCase(Locale.ROOT);
    if (from.isEmpty() || from.equals("<>") || lower.endsWith("<>")) {
      return Optional.of("From is empty (the null sender)");
    }
    String address = Addresses.first(from).orElse(lower);
    int at = address.indexOf('@');
    if (Addresses.isMailSoftware(at > 0 ? address.substring(0, at) : address)) {
      return Optional.of("From " + address);
    }
    for (String name : List.of("mail delivery", "mailer-daemon", "mailer daemon", "mail deliver")) {
      if (lower.contains(name)) {
        return Optional.of("From \"" + from + "\"");
      }
    }
    if (headers.get("Return-Path").strip().equals("<>")) {
      return Optional.of("Return-Path <> (the null sender)");
    }
    return Optional.empty();
  }

  static Optional<String> subject(String subject) {
    return first(subject, SUBJECTS).map(p -> "subject \"" + p + "\"");
  }

  /** "unable to deliver", "delivery ... failed", "could not be delivered" and their kin. */
  private static final Pattern NOT_DELIVERED =
      Pattern.compile(
          "(?is)\\b(?:unable|could\\s+not|couldn't|cannot|can't|failed|failure|error\\w*|not\\s+be)"
              + "\\W+(?:\\w+\\W+){0,6}?deliver|\\bdeliver\\w*\\W+(?:\\w+\\W+){0,6}?"
              + "(?:failed|failure|error|unsuccessful|impossible|not\\s+possible|was\\s+rejected)");

  static Optional<String> body(String text) {
    Optional<String> phrase = first(text, BODIES).map(p -> "text \"" + p + "\"");
    if (phrase.isPresent()) {
      return phrase;
    }
    Matcher m = NOT_DELIVERED.matcher(text.length() > 4000 ? text.substring(0, 4000) : text);
    return m.find() ? Optional.of("text \"" + Reasons.oneLine(m.group()) + "\"") : Optional.empty();
  }

  /** What only a final failure says, which overrules a delay phrase in the same message. */
  static final List<String> FINAL =
      List.of(
          "(failure)",
          "failed permanently",
          "permanent",
          "given up",
          "giving up",
          "gave up",
          "could not be delivered",
          "has been returned",
          "returning message to sender",
          "returned to sender",
          "returned mail",
          "delivery failed",
          "failure notice");

  /** A warning that delivery is late and still being tried, not a failure. */
  static Optional<String> delay(String subject, String text) {
    if (first(subject, FINAL).isPresent() || first(text, FINAL).isPresent()) {
      return Optional.empty();
    }
    return first(subject, DELAYS)
        .map(p -> "subject \"" + p + "\"")
        .or(() -> first(text, DELAYS).map(p -> "text \"" + p + "\""));
  }

  static Optional<String> first(String text, List<String> phrases) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (String phrase : phrases) {
      if (lower.contains(phrase)) {
        return Optional.of(phrase);
      }
    }
    return Optional.empty();
  }
}
