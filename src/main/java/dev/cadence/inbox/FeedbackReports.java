package dev.cadence.inbox;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Complaints: RFC 5965 feedback reports (a {@code message/feedback-report} part, usually in a
 * {@code multipart/report; report-type=feedback-report}), and the one-click opt-out mail that Apple
 * Mail sends to a List-Unsubscribe mailto address ({@code X-Apple-Unsubscribe: true}).
 */
final class FeedbackReports implements Rule {

  @Override
  public Optional<Verdict> judge(MailMessage message, JudgeContext context) {
    Optional<MailPart> report = message.part("message/feedback-report");
    if (report.isPresent()) {
      return Optional.of(fromReport(message, report.get()));
    }
    if (message.headers().get("X-Apple-Unsubscribe").strip().equalsIgnoreCase("true")) {
      List<String> from = Addresses.first(message.from()).stream().toList();
      return Optional.of(
          new Verdict.Complaint(
              from,
              "opt-out",
              "opt-out sent by the mail app (X-Apple-Unsubscribe: true) from " + message.from(),
              MessageIds.referencedBy(message)));
    }
    return Optional.empty();
  }

  private static Verdict fromReport(MailMessage message, MailPart report) {
    List<Headers> blocks = FieldBlocks.parse(report.text());
    Headers fields = blocks.isEmpty() ? Headers.NONE : blocks.get(0);
    String type = fields.get("Feedback-Type").strip().toLowerCase(Locale.ROOT);
    if (type.isEmpty()) {
      type = "abuse"; // RFC 5965 requires the field; a report without it is still a complaint
    }
    Set<String> addresses = new LinkedHashSet<>();
    List<String> sources = new ArrayList<>();
    for (Headers block : blocks) {
      for (String field : List.of("Original-Rcpt-To", "Removal-Recipient")) {
        for (String value : block.all(field)) {
          Addresses.first(value).ifPresent(addresses::add);
          sources.add(field);
        }
      }
    }
    if (addresses.isEmpty()) {
      // Providers often redact Original-Rcpt-To; the returned original's To still names them.
      message
          .embeddedHeaders()
          .ifPresent(h -> h.all("To").forEach(to -> addresses.addAll(Addresses.all(to))));
      if (!addresses.isEmpty()) {
        sources.add("the returned original's To");
      }
    }
    String where = sources.isEmpty() ? "no recipient named" : "recipient from " + sources.get(0);
    return new Verdict.Complaint(
        List.copyOf(addresses),
        type,
        "feedback report (message/feedback-report), Feedback-Type: " + type + ", " + where,
        MessageIds.referencedBy(message));
  }
}
