package dev.cadence.inbox;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a received message is, one variant per kind of the {@code inbox} output. Every verdict
 * carries its evidence as one line a person can check ({@link #reason()}), and the Message-IDs it
 * refers to ({@link #references()}: In-Reply-To, References, the returned original's Message-ID),
 * through which it is matched to the email we sent.
 */
public sealed interface Verdict {

  /** The evidence that decided, on one line. */
  String reason();

  /** Message-IDs (without angle brackets) of the emails this message is about, ours first. */
  List<String> references();

  /** The kind as the JSON output spells it. */
  String kind();

  /** A delivery failure, with its failed recipients (possibly none found). */
  record Bounce(List<FailedRecipient> recipients, String reason, List<String> references)
      implements Verdict {
    public Bounce {
      recipients = List.copyOf(recipients);
      reason = Reasons.oneLine(reason);
      references = List.copyOf(references);
    }

    @Override
    public String kind() {
      return "bounce";
    }
  }

  /**
   * A delivery status notification that reports delivery, relay, expansion or delay.
   *
   * @param action the report's action ({@code delivered}, {@code relayed}, {@code expanded}, {@code
   *     delayed})
   */
  record DeliveryReport(
      List<String> recipients, String action, String reason, List<String> references)
      implements Verdict {
    public DeliveryReport {
      recipients = List.copyOf(recipients);
      Objects.requireNonNull(action, "action");
      reason = Reasons.oneLine(reason);
      references = List.copyOf(references);
    }

    @Override
    public String kind() {
      return "delivery_report";
    }
  }

  /**
   * A feedback report (RFC 5965): someone marked our email as spam or opted out.
   *
   * @param addresses the addresses complained about (our recipients), possibly none found
   * @param feedbackType the report's Feedback-Type ({@code abuse}, {@code opt-out}, ...)
   */
  record Complaint(
      List<String> addresses, String feedbackType, String reason, List<String> references)
      implements Verdict {
    public Complaint {
      addresses = List.copyOf(addresses);
      Objects.requireNonNull(feedbackType, "feedbackType");
      reason = Reasons.oneLine(reason);
      references = List.copyOf(references);
    }

    @Override
    public String kind() {
      return "complaint";
    }
  }

  /** An automatic reply (out of office), with the return date when its text states one. */
  record AutoReply(String sender, Optional<LocalDate> until, String reason, List<String> references)
      implements Verdict {
    public AutoReply {
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(until, "until");
      reason = Reasons.oneLine(reason);
      references = List.copyOf(references);
    }

    @Override
    public String kind() {
      return "auto_reply";
    }
  }

  /** A request to stop: sent to our unsubscribe address or asking for it in its subject. */
  record Unsubscribe(String address, String reason, List<String> references) implements Verdict {
    public Unsubscribe {
      Objects.requireNonNull(address, "address");
      reason = Reasons.oneLine(reason);
      references = List.copyOf(references);
    }

    @Override
    public String kind() {
      return "unsubscribe";
    }
  }

  /**
   * A person's answer.
   *
   * @param freshText what they wrote, without quoted text and signature, at most ~200 characters
   */
  record Reply(String sender, String freshText, String reason, List<String> references)
      implements Verdict {
    public Reply {
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(freshText, "freshText");
      reason = Reasons.oneLine(reason);
      references = List.copyOf(references);
    }

    @Override
    public String kind() {
      return "reply";
    }
  }

  /** Anything else: left alone; the reason says why nothing else fitted. */
  record Other(String reason, List<String> references) implements Verdict {
    public Other {
      reason = Reasons.oneLine(reason);
      references = List.copyOf(references);
    }

    @Override
    public String kind() {
      return "other";
    }
  }
}
