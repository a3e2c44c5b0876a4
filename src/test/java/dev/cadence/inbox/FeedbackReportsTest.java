package dev.cadence.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 5965 feedback reports and the mail apps' one-click opt-out mail. */
class FeedbackReportsTest {
  @Test
  void anAbuseReportNamesTheRecipientWhoComplained() {
    Verdict v =
        Mail.judge(
            """
            From: feedback@isp.example
            To: abuse@ours.example
            Subject: Abuse report
            Auto-Submitted: auto-generated
            MIME-Version: 1.0
            Content-Type: multipart/report; report-type=feedback-report; boundary="F"

            --F
            Content-Type: text/plain

            This is an email abuse report.
            --F
            Content-Type: message/feedback-report

            Feedback-Type: abuse
            User-Agent: SomeGenerator/1.0
            Version: 1
            Original-Mail-From: <sales@ours.example>
            Original-Rcpt-To: <ann@client.example>

            --F
            Content-Type: message/rfc822

            From: sales@ours.example
            To: ann@client.example
            Message-ID: <cadence.00000000000000000000000000000003@ours.example>
            Subject: Hello

            Hi
            --F--
            """);

    assertThat(v)
        .isInstanceOfSatisfying(
            Verdict.Complaint.class,
            c -> {
              assertThat(c.addresses()).containsExactly("ann@client.example");
              assertThat(c.feedbackType()).isEqualTo("abuse");
              assertThat(c.references())
                  .containsExactly("cadence.00000000000000000000000000000003@ours.example");
            });
  }

  @Test
  void aReportWithoutTheRecipientFallsBackToTheOriginalsTo() {
    Verdict.Complaint c =
        (Verdict.Complaint)
            Mail.judge(
                """
                From: fbl@isp.example
                Subject: complaint
                Content-Type: multipart/report; report-type=feedback-report; boundary="F"

                --F
                Content-Type: message/feedback-report

                Feedback-Type: opt-out

                --F
                Content-Type: message/rfc822

                To: bob@client.example
                Subject: Hello

                Hi
                --F--
                """);

    assertThat(c.addresses()).containsExactly("bob@client.example");
    assertThat(c.feedbackType()).isEqualTo("opt-out");
  }

  @Test
  void anAppleMailUnsubscribeIsAnOptOut() {
    Verdict v =
        Mail.judge(
            """
            From: ann@client.example
            To: unsubscribe-123@ours.example
            Subject: unsubscribe
            Auto-Submitted: auto-replied
            X-Apple-Unsubscribe: true

            This email was sent to unsubscribe.
            """);

    assertThat(v)
        .isInstanceOfSatisfying(
            Verdict.Complaint.class,
            c -> assertThat(c.addresses()).containsExactly("ann@client.example"));
  }
}
