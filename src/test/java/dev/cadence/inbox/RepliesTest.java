package dev.cadence.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A person's reply, its fresh text, and what quoted text must never change. */
class RepliesTest {
  private static final String OUR_EMAIL_QUOTED =
      """
      On Fri, 18 Dec 2026 at 09:00, Sales <sales@ours.example> wrote:
      > Hello Ann, would you have 15 minutes next week?
      > I am out of the office until 4 January.
      > To stop receiving these emails, reply "unsubscribe".
      """;

  @Test
  void aReplyKeepsOnlyTheFreshText() {
    Verdict v =
        Mail.judge(
            """
            From: Ann <ann@client.example>
            To: sales@ours.example
            Subject: Re: Hello
            In-Reply-To: <cadence.00000000000000000000000000000005@ours.example>
            References: <cadence.00000000000000000000000000000005@ours.example>

            Yes, Tuesday works for me.

            --\s
            Ann Example, Client Corp
            """
                + OUR_EMAIL_QUOTED);

    assertThat(v)
        .isInstanceOfSatisfying(
            Verdict.Reply.class,
            r -> {
              assertThat(r.sender()).isEqualTo("ann@client.example");
              assertThat(r.freshText()).isEqualTo("Yes, Tuesday works for me.");
              assertThat(r.references())
                  .containsExactly("cadence.00000000000000000000000000000005@ours.example");
            });
  }

  @Test
  void bulkAndListMessagesAreNotReplies() {
    Verdict v =
        Mail.judge(
            """
            From: News <news@vendor.example>
            To: sales@ours.example
            Subject: Our December newsletter
            List-Id: <news.vendor.example>

            News.
            """);
    assertThat(v).isInstanceOf(Verdict.Other.class);
    assertThat(v.reason()).contains("List-Id");
  }

  @Test
  void freshTextStopsAtTheAttributionsOfFourLanguagesAndOutlookBlocks() {
    assertThat(FreshText.of("Oui.\nLe ven. 18 déc. 2026 à 09:00, Sales a écrit :\n> x"))
        .isEqualTo("Oui.");
    assertThat(FreshText.of("Ja.\nAm 18.12.2026 um 09:00 schrieb Sales <s@o.example>:\n> x"))
        .isEqualTo("Ja.");
    assertThat(FreshText.of("Sí.\nEl vie, 18 dic 2026 a las 09:00, Sales escribió:\n> x"))
        .isEqualTo("Sí.");
    assertThat(FreshText.of("Sure.\n-----Original Message-----\nFrom: Sales")).isEqualTo("Sure.");
    assertThat(FreshText.of("Sure.\nFrom: Sales <s@o.example>\nSent: Friday\nTo: Ann"))
        .isEqualTo("Sure.");
  }

  @Test
  void quotedUnsubscribeFooterAndOutOfOfficeLinesDoNotChangeTheVerdict() {
    Verdict v =
        Mail.judge(
            """
            From: Ann <ann@client.example>
            To: sales@ours.example
            Subject: Re: Hello

            Happy to talk.

            """
                + OUR_EMAIL_QUOTED);
    assertThat(v).isInstanceOf(Verdict.Reply.class);
  }

  @Test
  void unsubscribeBySubjectByFreshTextOrByOurMailbox() {
    String headers = "From: Ann <ann@client.example>\nTo: sales@ours.example\n";
    assertThat(Mail.judge(headers + "Subject: Unsubscribe\n\nplease\n"))
        .isInstanceOf(Verdict.Unsubscribe.class);
    assertThat(Mail.judge(headers + "Subject: Désinscription\n\n\n"))
        .isInstanceOf(Verdict.Unsubscribe.class);
    assertThat(Mail.judge(headers + "Subject: Re: Hello\n\nRemove me\n\n" + OUR_EMAIL_QUOTED))
        .isInstanceOf(Verdict.Unsubscribe.class);
    Verdict toMailbox =
        Mail.judge(
            "From: Ann <ann@client.example>\nTo: optout@ours.example\nSubject: (none)\n\n\n",
            new JudgeContext(Set.of("OptOut@ours.example"), Mail.TODAY));
    assertThat(toMailbox)
        .isInstanceOfSatisfying(
            Verdict.Unsubscribe.class,
            u -> assertThat(u.address()).isEqualTo("ann@client.example"));
  }
}
