package dev.cadence.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Plain-text bounces laid out as qmail, Exim and Gmail document theirs. */
class ServerBounceTextsTest {
  @Test
  void qmailNoticeNamesTheRecipientAndTheRemoteReply() {
    Verdict v =
        Mail.judge(
            """
            From: MAILER-DAEMON@mail.ours.example
            To: sales@ours.example
            Subject: failure notice

            Hi. This is the qmail-send program at mail.ours.example.
            I'm afraid I wasn't able to deliver your message to the following addresses.
            This is a permanent error; I've given up. Sorry it didn't work out.

            <ann@client.example>:
            192.0.2.7 does not like recipient.
            Remote host said: 550 5.1.1 <ann@client.example>... User unknown
            Giving up on 192.0.2.7.

            --- Below this line is a copy of the message.

            From: sales@ours.example
            To: ann@client.example
            Message-ID: <cadence.00000000000000000000000000000001@ours.example>
            Subject: Hello

            Hi Ann
            """);

    assertThat(v).isInstanceOf(Verdict.Bounce.class);
    Verdict.Bounce b = (Verdict.Bounce) v;
    assertThat(b.recipients()).hasSize(1);
    assertThat(b.recipients().get(0).address()).isEqualTo("ann@client.example");
    assertThat(b.recipients().get(0).status()).contains("5.1.1");
    assertThat(b.recipients().get(0).bounceClass()).isEqualTo(BounceClass.HARD);
    assertThat(b.references())
        .containsExactly("cadence.00000000000000000000000000000001@ours.example");
  }

  @Test
  void eximNoticeWithTwoRecipientsKeepsEachOnesCause() {
    Verdict.Bounce b =
        (Verdict.Bounce)
            Mail.judge(
                """
                From: Mail Delivery System <Mailer-Daemon@mx.ours.example>
                To: sales@ours.example
                Subject: Mail delivery failed: returning message to sender

                This message was created automatically by mail delivery software.

                A message that you sent could not be delivered to one or more of its
                recipients. This is a permanent error. The following address(es) failed:

                  ann@client.example
                    host mx.client.example [192.0.2.9]
                    SMTP error from remote mail server after RCPT TO:<ann@client.example>:
                    552 5.2.2 Mailbox full
                  bob@gone.example
                    Unrouteable address
                """);

    assertThat(b.recipients())
        .extracting(FailedRecipient::address, FailedRecipient::bounceClass)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ann@client.example", BounceClass.SOFT),
            org.assertj.core.groups.Tuple.tuple("bob@gone.example", BounceClass.HARD));
  }

  @Test
  void aPersonWritingAboutDeliveryIsNotABounce() {
    Verdict v =
        Mail.judge(
            """
            From: Ann Example <ann@client.example>
            To: sales@ours.example
            Subject: Re: Delivery failed?
            In-Reply-To: <cadence.00000000000000000000000000000002@ours.example>

            Your last email said delivery failed for the invoice, could you resend it?
            """);

    assertThat(v).isInstanceOf(Verdict.Reply.class);
  }

  @Test
  void aDelayWarningIsADeliveryReport() {
    Verdict v =
        Mail.judge(
            """
            From: Mail Delivery System <Mailer-Daemon@mx.ours.example>
            To: sales@ours.example
            Subject: Warning: message 1abc-0001 delayed 24 hours

            This message was created automatically by mail delivery software.
            A message that you sent has not yet been delivered to one or more of its
            recipients after more than 24 hours on the queue on mx.ours.example.

              ann@client.example
                Delay reason: SMTP error from remote mail server after RCPT TO: 451 4.4.1 try later

            No action is required on your part. Delivery attempts will continue for
            some time.
            """);

    assertThat(v)
        .isInstanceOfSatisfying(
            Verdict.DeliveryReport.class, d -> assertThat(d.action()).isEqualTo("delayed"));
  }
}
