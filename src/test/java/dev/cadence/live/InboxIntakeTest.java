package dev.cadence.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.inbox.InboxResult;
import dev.cadence.inbox.JudgeContext;
import dev.cadence.io.mail.MailReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inbox's live loop over a real store: what each verdict does, once. */
class InboxIntakeTest {
  static final Instant MONDAY_OPEN = Instant.parse("2026-03-02T08:00:00Z"); // 09:00 in Paris

  @TempDir Path dir;

  private static String softBounce(int n, String to) {
    return "From: MAILER-DAEMON@mx.acme.example\r\nTo: sales@northwind.example\r\n"
        + "Subject: Undelivered Mail Returned to Sender\r\nMessage-ID: <soft"
        + n
        + "@mx.acme.example>\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"\r\n\r\n"
        + "--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; mx.acme.example\r\n\r\n"
        + "Final-Recipient: rfc822; "
        + to
        + "\r\nAction: failed\r\nStatus: 5.2.2\r\n"
        + "Diagnostic-Code: smtp; 552 5.2.2 Mailbox full\r\n--b--\r\n";
  }

  private static List<InboxResult> read(TickHarness h, InboxPolicy policy, String... messages) {
    Recorder recorder = new Recorder(h.store, Map.of(h.cadence.id(), h.cadence), Map.of());
    InboxIntake intake =
        new InboxIntake(
            h.store,
            new InboxPlanner(Map.of(h.cadence.id(), h.cadence), recorder, policy),
            JudgeContext.of(LocalDate.of(2026, 3, 2)),
            OutcomeSink.NONE,
            h.clock,
            false,
            new MailReader()::read);
    int n = 0;
    for (String m : messages) {
      byte[] raw = m.getBytes(StandardCharsets.UTF_8);
      intake.offer(
          new InboxIntake.Offered("m" + n++, "sha256:" + m.hashCode(), raw, Optional.empty()));
    }
    intake.flush();
    return intake.results();
  }

  @Test
  void softBouncesInARowCountAsHardOnlyAtTheLimit() throws Exception {
    try (TickHarness h = new TickHarness(dir, LiveFixture.EMAILS_ONLY)) {
      h.enroll(
          List.of(TickHarness.lead("L-1", "ana@acme.example", "Europe/Paris")),
          LocalDate.of(2026, 3, 2));
      assertThat(h.tick(MONDAY_OPEN).sent()).isEqualTo(1);
      InboxPolicy three = new InboxPolicy(3, Duration.ofDays(7));
      List<InboxResult> first =
          read(h, three, softBounce(1, "ana@acme.example"), softBounce(2, "ana@acme.example"));
      assertThat(first)
          .extracting(InboxResult::action)
          .allMatch(a -> a.startsWith("counted a soft bounce"));
      assertThat(h.suppression("L-1", "ana@acme.example")).isEmpty();
      assertThat(h.enrollment("L-1").state().isActive()).isTrue();
      List<InboxResult> third = read(h, three, softBounce(3, "ana@acme.example"));
      assertThat(third.get(0).action())
          .contains("suppressed ana@acme.example")
          .contains("3 soft bounces in a row for ana@acme.example: taken as hard");
      assertThat(h.suppression("L-1", "ana@acme.example")).isPresent();
      assertThat(h.enrollment("L-1").state().isActive()).isFalse();
    }
  }

  @Test
  void theSameMessageOfferedTwiceIsHandledOnce() throws Exception {
    try (TickHarness h = new TickHarness(dir, LiveFixture.EMAILS_ONLY)) {
      h.enroll(
          List.of(TickHarness.lead("L-1", "ana@acme.example", "Europe/Paris")),
          LocalDate.of(2026, 3, 2));
      h.tick(MONDAY_OPEN);
      InboxPolicy one = new InboxPolicy(1, Duration.ofDays(7));
      String bounce = softBounce(1, "ana@acme.example");
      assertThat(read(h, one, bounce, bounce)).hasSize(1);
      assertThat(read(h, one, bounce)).isEmpty();
      int inARow = h.store.read(tx -> tx.softBouncesInARow("ana@acme.example"));
      assertThat(inARow).isEqualTo(1);
    }
  }
}
