package dev.cadence.inbox;

import static dev.cadence.inbox.BounceCause.AUTH_FAILURE;
import static dev.cadence.inbox.BounceCause.BAD_REPUTATION;
import static dev.cadence.inbox.BounceCause.BLOCKED;
import static dev.cadence.inbox.BounceCause.CONTENT_ERROR;
import static dev.cadence.inbox.BounceCause.EXPIRED;
import static dev.cadence.inbox.BounceCause.HAS_MOVED;
import static dev.cadence.inbox.BounceCause.HOST_UNKNOWN;
import static dev.cadence.inbox.BounceCause.MAILBOX_FULL;
import static dev.cadence.inbox.BounceCause.MAILER_ERROR;
import static dev.cadence.inbox.BounceCause.MESSAGE_TOO_BIG;
import static dev.cadence.inbox.BounceCause.NETWORK_ERROR;
import static dev.cadence.inbox.BounceCause.NOT_ACCEPT;
import static dev.cadence.inbox.BounceCause.NOT_COMPLIANT;
import static dev.cadence.inbox.BounceCause.NO_RELAYING;
import static dev.cadence.inbox.BounceCause.POLICY_VIOLATION;
import static dev.cadence.inbox.BounceCause.REQUIRE_PTR;
import static dev.cadence.inbox.BounceCause.SECURITY_ERROR;
import static dev.cadence.inbox.BounceCause.SENDER_REJECTED;
import static dev.cadence.inbox.BounceCause.SPAM_DETECTED;
import static dev.cadence.inbox.BounceCause.SPEEDING;
import static dev.cadence.inbox.BounceCause.SUSPENDED;
import static dev.cadence.inbox.BounceCause.SYSTEM_ERROR;
import static dev.cadence.inbox.BounceCause.SYSTEM_FULL;
import static dev.cadence.inbox.BounceCause.USER_UNKNOWN;
import static dev.cadence.inbox.BounceCause.VIRUS_DETECTED;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What the diagnostic texts of the common mail servers say, per cause: the replies Postfix,
 * Sendmail, Exim, qmail, Exchange / Microsoft 365, Gmail, Yahoo, Amazon SES, Courier and others
 * document for their rejections. The table is read top to bottom and the first cause with a
 * matching phrase wins, so the order settles overlaps: "sender address rejected" is about us before
 * "address rejected" is about the recipient; a blocklisted IP wins over the "user unknown" that
 * some servers add to every refusal; a full mailbox wins over a disabled one.
 */
final class DiagnosticPhrases {

  /** One cause and the lowercase phrases that show it. */
  record Row(BounceCause cause, List<String> phrases) {}

  static final List<Row> TABLE =
      List.of(
          row(
              HAS_MOVED,
              "address has moved",
              "mailbox has moved",
              "recipient no longer on server",
              "user has moved",
              "no longer on this server",
              "not our user"),
          // cPanel's Exim says this of a failed remote recipient; it starts with the address, and
          // the blocklist it goes on to mention is one guess among several.
          row(HOST_UNKNOWN, "the account or domain may not exist"),
          row(
              NO_RELAYING,
              "relay access denied",
              "relaying denied",
              "relaying not allowed",
              "relay not permitted",
              "not permitted to relay",
              "unable to relay",
              "we do not relay",
              "relaying mail to",
              "not allowed to relay"),
          row(
              REQUIRE_PTR,
              "reverse dns",
              "reverse hostname",
              "ptr record",
              "cannot find your hostname",
              "no ptr",
              "rdns",
              "ip name lookup failed",
              "unverifyable sending ip",
              "mismatches client ip",
              "does not resolve to",
              "5.7.25"),
          row(
              AUTH_FAILURE,
              "dmarc",
              "spf record",
              "spf check",
              "spf fail",
              "sender policy framework",
              "dkim",
              "unauthenticated email",
              "authentication checks failed",
              "5.7.26",
              "5.7.509",
              "5.7.23"),
          row(
              BAD_REPUTATION,
              "poor reputation",
              "bad reputation",
              "low reputation",
              "sender reputation",
              "ip reputation",
              "sending ip's reputation"),
          row(
              BLOCKED,
              "blacklisted",
              "blocklisted",
              "blacklist",
              "blocklist",
              "block list",
              "blocked using",
              "dnsbl",
              "spamhaus",
              "spamcop",
              "client host rejected",
              "banned sending ip",
              "your ip",
              "sending ip",
              "ip address blocked",
              "host blocked",
              "rbl",
              "connection refused by policy"),
          row(
              SPEEDING,
              "receiving mail at a rate",
              "rate limit",
              "too many messages",
              "too many connections",
              "too many recipients",
              "sending rate",
              "exceeded the rate",
              "unexpected volume"),
          row(
              SECURITY_ERROR,
              "authentication required",
              "unauthenticated senders",
              "authentication is required",
              "must issue a starttls",
              "tls required",
              "encryption required",
              "securityerror"),
          row(
              SENDER_REJECTED,
              "sender address rejected",
              "domain of sender",
              "sender rejected",
              "sender verify failed",
              "sender domain",
              "invalid sender",
              "sender not allowed",
              "can't determine purported",
              "purported responsible address"),
          row(
              MAILBOX_FULL,
              "mailbox full",
              "mailbox is full",
              "mailbox exceeds",
              "mailbox size limit",
              "over quota",
              "overquota",
              "quota exceeded",
              "exceeded storage",
              "out of storage space",
              "inbox is full",
              "full mailbox",
              "mail quota",
              "account is full",
              "not enough storage",
              "exceeded its quota",
              "would exceed quota",
              "insufficient storage for this user"),
          row(
              MESSAGE_TOO_BIG,
              "message too large",
              "message is too large",
              "message too big",
              "message size exceeds",
              "size limit",
              "message length exceeds",
              "exceeds the maximum size",
              "too large for this recipient"),
          row(
              SUSPENDED,
              "account disabled",
              "account is disabled",
              "account has been disabled",
              "mailbox disabled",
              "mailbox is disabled",
              "is disabled",
              "suspended",
              "mailbox is frozen",
              "mailbox is inactive",
              "account is inactive",
              "account inactive",
              "temporarily disabled"),
          row(
              NOT_ACCEPT,
              "null mx",
              "does not accept mail",
              "accepts no mail",
              "not accepting mail",
              "couldn't find a mail exchanger",
              "no mx record",
              "5.1.10"),
          row(
              USER_UNKNOWN,
              "user unknown",
              "unknown user",
              "no such user",
              "recipient address rejected: access denied", // Microsoft 365 directory check
              "no such mailbox",
              "no such recipient",
              "no such account",
              "mailbox not found",
              "mailbox unavailable",
              "mailbox does not exist",
              "mailbox doesn't exist",
              "user does not exist",
              "user doesn't exist",
              "user not found",
              "user not exist",
              "account does not exist",
              "address does not exist",
              "doesn't have a",
              "does not have an account",
              "invalid recipient",
              "invalid mailbox",
              "invalid address",
              "unknown recipient",
              "recipient unknown",
              "recipient not found",
              "recipient rejected",
              "address unknown",
              "addressee unknown",
              "unknown address",
              "unknown local part",
              "unrouteable address",
              "not a valid mailbox",
              "is not a valid user",
              "is not a known user",
              "no mailbox here",
              "name is not recognized",
              "not listed in domino",
              "bad destination mailbox",
              "destinataire invalide",
              "destinataire inconnu",
              "utilisateur inconnu",
              "adresse inconnue",
              "benutzer unbekannt",
              "empfänger unbekannt",
              "usuario desconocido",
              "destinatario desconocido",
              "存在しません", // "does not exist" (Japanese servers)
              "見つかりません", // "cannot be found", e.g. Domino's directory lookup
              "unknown or illegal alias",
              "is not a valid"),
          row(
              HOST_UNKNOWN,
              "host unknown",
              "unknown host",
              "host not found",
              "host or domain name not found",
              "dns lookup failure: host * not found",
              "host * not found",
              "domain not found",
              "no such domain",
              "domain does not exist",
              "unrouteable mail domain",
              "unknown domain",
              "domain is not reachable",
              "couldn't find any host",
              "name or service not known"),
          row(VIRUS_DETECTED, "virus", "malware", "infected"),
          row(SPAM_DETECTED, "spam", "ube", "bulk email", "bulk mail", "junk mail", "unsolicited"),
          row(
              NOT_COMPLIANT,
              "rfc 5322",
              "rfc5322",
              "rfc 2822",
              "rfc2822",
              "not rfc compliant",
              "not compliant"),
          row(
              POLICY_VIOLATION,
              "policy reasons",
              "denied by policy",
              "policy violation",
              "violates our policy",
              "potential security issue",
              "policy"),
          row(
              CONTENT_ERROR,
              "content rejected",
              "improper use of 8-bit",
              "message content",
              "header error",
              "illegal header",
              "invalid message"),
          row(
              EXPIRED,
              "expired",
              "retry timeout exceeded",
              "unable to deliver in",
              "could not be delivered within",
              "too long in queue",
              "deferred too long",
              "giving up",
              "retry time not reached for any host after a long failure period"),
          row(
              NETWORK_ERROR,
              "connection timed out",
              "connection refused",
              "lost connection",
              "connection reset",
              "timed out",
              "name service error",
              "dns query failed",
              "network",
              "no route to host",
              "could not connect",
              "routing loop",
              "mail loop",
              "too many hops",
              "hop count exceeded"),
          row(
              SYSTEM_FULL,
              "insufficient system storage",
              "system full",
              "disk full",
              "out of disk space"),
          row(MAILER_ERROR, "x-unix", "procmail", "mailer error", "pipe to", "command failed"),
          row(
              SYSTEM_ERROR,
              "system error",
              "internal error",
              "server error",
              "transaction failed",
              "local error",
              "temporary failure",
              "service unavailable"));

  private DiagnosticPhrases() {}

  private static Row row(BounceCause cause, String... phrases) {
    return new Row(cause, List.of(phrases));
  }

  /** A cause and the phrase that showed it. */
  record Match(BounceCause cause, String phrase) {}

  /** The first cause whose phrase appears in {@code text} as whole words, if any. */
  static Optional<Match> find(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (Row row : TABLE) {
      for (String phrase : row.phrases()) {
        if (containsWords(lower, phrase)) {
          return Optional.of(new Match(row.cause(), phrase));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * True when {@code phrase} occurs in {@code text} not glued to a letter or digit either side
   * (where the phrase starts or ends with one: CJK text has no word boundaries). A {@code *} in a
   * phrase stands for up to 80 characters of one line ("host * not found").
   */
  static boolean containsWords(String text, String phrase) {
    int star = phrase.indexOf('*');
    if (star >= 0) {
      return WILDCARDS.computeIfAbsent(phrase, DiagnosticPhrases::wildcard).matcher(text).find();
    }
    boolean wordStart = isAsciiWord(phrase.charAt(0));
    boolean wordEnd = isAsciiWord(phrase.charAt(phrase.length() - 1));
    int from = 0;
    while (true) {
      int at = text.indexOf(phrase, from);
      if (at < 0) {
        return false;
      }
      int end = at + phrase.length();
      if ((!wordStart || at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
          && (!wordEnd || end == text.length() || !Character.isLetterOrDigit(text.charAt(end)))) {
        return true;
      }
      from = at + 1;
    }
  }

  private static final Map<String, Pattern> WILDCARDS = new ConcurrentHashMap<>();

  private static Pattern wildcard(String phrase) {
    StringBuilder regex = new StringBuilder("(?<![\\p{L}\\d])");
    String[] pieces = phrase.split("\\*", -1);
    for (int i = 0; i < pieces.length; i++) {
      if (i > 0) {
        regex.append("[^\\n]{1,80}?");
      }
      regex.append(Pattern.quote(pieces[i]));
    }
    return Pattern.compile(regex.append("(?![\\p{L}\\d])").toString());
  }

  private static boolean isAsciiWord(char c) {
    return c < 128 && Character.isLetterOrDigit(c);
  }
}
