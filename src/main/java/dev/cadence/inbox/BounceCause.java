package dev.cadence.inbox;

import static dev.cadence.inbox.BounceClass.HARD;
import static dev.cadence.inbox.BounceClass.SENDER;
import static dev.cadence.inbox.BounceClass.SOFT;

/**
 * Why a delivery failed, and so whose problem it is. The causes follow the reasons a bounce
 * classifier commonly tells apart; {@link #bounceClass()} maps each to the contract's classes: only
 * a missing address or domain, a moved mailbox or a host that takes no mail is {@code hard}; what
 * the receiving side holds against us (our IP, our authentication, our sender address, our sending
 * rate, our message's form) is {@code sender}; everything else may pass another day and is {@code
 * soft}.
 */
public enum BounceCause {
  USER_UNKNOWN("user unknown", HARD),
  HOST_UNKNOWN("host unknown", HARD),
  HAS_MOVED("mailbox has moved", HARD),
  NOT_ACCEPT("host accepts no mail", HARD),

  BLOCKED("sending host blocked", SENDER),
  AUTH_FAILURE("sender authentication (SPF/DKIM/DMARC) failed", SENDER),
  BAD_REPUTATION("sender reputation", SENDER),
  REQUIRE_PTR("sending host has no reverse DNS", SENDER),
  SENDER_REJECTED("sender address rejected", SENDER),
  NO_RELAYING("relaying denied", SENDER),
  SECURITY_ERROR("authentication or encryption required", SENDER),
  SPEEDING("sending rate too high", SENDER),
  NOT_COMPLIANT("message not standards-compliant", SENDER),

  MAILBOX_FULL("mailbox full", SOFT),
  MESSAGE_TOO_BIG("message too big", SOFT),
  SUSPENDED("mailbox disabled or suspended", SOFT),
  FILTERED("refused by the recipient's filter", SOFT),
  SPAM_DETECTED("refused as spam", SOFT),
  VIRUS_DETECTED("refused as a virus", SOFT),
  POLICY_VIOLATION("refused by policy", SOFT),
  CONTENT_ERROR("content refused", SOFT),
  EXPIRED("gave up retrying", SOFT),
  NETWORK_ERROR("network or DNS error", SOFT),
  SYSTEM_FULL("receiving system full", SOFT),
  SYSTEM_ERROR("receiving system error", SOFT),
  MAILER_ERROR("local delivery program failed", SOFT),
  UNDEFINED("cause not stated", SOFT);

  private final String words;
  private final BounceClass bounceClass;

  BounceCause(String words, BounceClass bounceClass) {
    this.words = words;
    this.bounceClass = bounceClass;
  }

  public BounceClass bounceClass() {
    return bounceClass;
  }

  /** A few words for a person reading the reason line. */
  public String words() {
    return words;
  }
}
