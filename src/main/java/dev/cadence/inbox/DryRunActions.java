package dev.cadence.inbox;

import java.util.ArrayList;
import java.util.List;

/** What {@code inbox} would do with a verdict, in a few words, for a dry run's output. */
public final class DryRunActions {
  private DryRunActions() {}

  public static String describe(Verdict verdict) {
    if (verdict instanceof Verdict.Bounce b) {
      return bounce(b);
    }
    if (verdict instanceof Verdict.Complaint c) {
      return c.addresses().isEmpty()
          ? "nothing (no complained-about address found)"
          : "would suppress " + String.join(", ", c.addresses()) + " and end its enrollments";
    }
    if (verdict instanceof Verdict.AutoReply a) {
      return a.until()
          .map(u -> "would pause " + a.sender() + " until " + u.plusDays(1))
          .orElse("would pause " + a.sender() + " for the default pause");
    }
    if (verdict instanceof Verdict.Unsubscribe u) {
      return "would suppress " + u.address() + " and end its enrollments";
    }
    if (verdict instanceof Verdict.Reply r) {
      return "would record replied for " + r.sender();
    }
    return "nothing"; // a delivery report or other
  }

  private static String bounce(Verdict.Bounce bounce) {
    if (bounce.recipients().isEmpty()) {
      return "nothing (no failed address found)";
    }
    List<String> actions = new ArrayList<>();
    for (FailedRecipient r : bounce.recipients()) {
      actions.add(
          switch (r.bounceClass()) {
            case HARD -> "would suppress " + r.address() + " and end its enrollments";
            case SOFT -> "would count a soft bounce for " + r.address();
            case SENDER -> "would warn that " + r.address() + " refused our sending (exit 3)";
          });
    }
    return String.join("; ", actions);
  }
}
