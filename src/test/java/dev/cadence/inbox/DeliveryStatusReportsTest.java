package dev.cadence.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 3464 reports, written from the RFC's own examples' shape. */
class DeliveryStatusReportsTest {
  private static String report(String perRecipient) {
    return """
        From: Mail Delivery Subsystem <MAILER-DAEMON@mx.example.net>
        To: sales@ours.example
        Subject: Returned mail: see transcript for details
        Message-ID: <dsn-1@mx.example.net>
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status; boundary="B1"

        --B1
        Content-Type: text/plain

        The original message could not be delivered.

        --B1
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.net

        """
        + perRecipient
        + """

        --B1
        Content-Type: text/rfc822-headers

        From: sales@ours.example
        To: ann@client.example
        Message-ID: <cadence.0123456789abcdef0123456789abcdef@ours.example>
        Subject: Hello

        --B1--
        """;
  }

  @Test
  void aFailedRecipientWithUserUnknownIsAHardBounce() {
    Verdict v =
        Mail.judge(
            report(
                """
                Final-Recipient: rfc822; ann@client.example
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 <ann@client.example>: Recipient address rejected: User unknown
                """));

    assertThat(v).isInstanceOf(Verdict.Bounce.class);
    Verdict.Bounce b = (Verdict.Bounce) v;
    assertThat(b.recipients())
        .containsExactly(
            new FailedRecipient(
                "ann@client.example", Optional.of("5.1.1"), BounceCause.USER_UNKNOWN));
    assertThat(b.recipients().get(0).bounceClass()).isEqualTo(BounceClass.HARD);
    assertThat(b.references())
        .containsExactly("cadence.0123456789abcdef0123456789abcdef@ours.example");
    assertThat(b.reason()).contains("RFC 3464").contains("user unknown").doesNotContain("\n");
  }

  @Test
  void aFullMailboxIsSoftAndABlocklistedSenderIsOurs() {
    Verdict.Bounce b =
        (Verdict.Bounce)
            Mail.judge(
                report(
                    """
                    Final-Recipient: rfc822; ann@client.example
                    Action: failed
                    Status: 5.2.2
                    Diagnostic-Code: smtp; 552 5.2.2 Mailbox full

                    Final-Recipient: rfc822; bob@client.example
                    Action: failed
                    Status: 5.7.1
                    Diagnostic-Code: smtp; 554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org
                    """));

    assertThat(b.recipients())
        .extracting(FailedRecipient::bounceClass)
        .containsExactly(BounceClass.SOFT, BounceClass.SENDER);
  }

  @Test
  void deliveredAndDelayedReportsAreNeverBounces() {
    for (String action : new String[] {"delivered", "relayed", "expanded", "delayed"}) {
      Verdict v =
          Mail.judge(
              report(
                  "Final-Recipient: rfc822; ann@client.example\nAction: "
                      + action
                      + "\nStatus: "
                      + (action.equals("delayed") ? "4.4.7" : "2.0.0")
                      + "\n"));
      assertThat(v)
          .isInstanceOfSatisfying(
              Verdict.DeliveryReport.class, d -> assertThat(d.action()).isEqualTo(action));
    }
  }

  @Test
  void aVagueStatusYieldsToThePreciseCodeInTheDiagnostic() {
    Verdict.Bounce b =
        (Verdict.Bounce)
            Mail.judge(
                report(
                    """
                    Final-Recipient: rfc822; ann@client.example
                    Action: failed
                    Status: 5.0.0
                    Diagnostic-Code: smtp; 550 5.1.6 recipient no longer on server
                    """));

    assertThat(b.recipients().get(0).cause()).isEqualTo(BounceCause.HAS_MOVED);
  }

  @Test
  void aLocalDeliveryProgramFailureIsNotTheAddress() {
    Verdict.Bounce b =
        (Verdict.Bounce)
            Mail.judge(
                report(
                    """
                    Final-Recipient: rfc822; ann@client.example
                    Action: failed
                    Status: 5.1.1
                    Diagnostic-Code: x-unix; procmail: no such user
                    """));

    assertThat(b.recipients().get(0).cause()).isEqualTo(BounceCause.MAILER_ERROR);
    assertThat(b.recipients().get(0).bounceClass()).isEqualTo(BounceClass.SOFT);
  }
}
