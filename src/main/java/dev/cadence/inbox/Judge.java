package dev.cadence.inbox;

import java.util.List;
import java.util.Optional;

/**
 * Gives each received message one {@link Verdict}. The checks run in the order a bounce classifier
 * needs: feedback reports, then RFC 3464 reports, then the servers' plain-text bounces (all three
 * may carry {@code Auto-Submitted} and quote our email, so they go before auto-replies), then
 * automatic replies, unsubscribe requests, a person's reply, and otherwise {@code other} with the
 * reason nothing fitted.
 */
public final class Judge {
  private final List<Rule> rules =
      List.of(
          new FeedbackReports(),
          new DeliveryStatusReports(),
          new ServerBounceTexts(),
          new AutoReplies(),
          new UnsubscribeRequests(),
          new Replies());

  /** The verdict on {@code message}; never throws for a message the reader produced. */
  public Verdict judge(MailMessage message, JudgeContext context) {
    for (Rule rule : rules) {
      Optional<Verdict> verdict = rule.judge(message, context);
      if (verdict.isPresent()) {
        return verdict.get();
      }
    }
    return new Verdict.Other(whyOther(message), MessageIds.referencedBy(message));
  }

  private static String whyOther(MailMessage message) {
    Optional<String> sender = Addresses.first(message.from());
    String why =
        sender
            .map(s -> Replies.machineMade(message.headers(), s).orElse("no rule matched"))
            .orElse("no sender address in From");
    if (!message.problems().isEmpty()) {
      why += "; reading problems: " + String.join(", ", message.problems());
    }
    return "left alone: " + why;
  }
}
