package dev.cadence.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 3834 auto-replies, vendor headers and out-of-office subjects in four languages. */
class AutoRepliesTest {
  private static String reply(String headers, String body) {
    return "From: Ann <ann@client.example>\nTo: sales@ours.example\n"
        + "Date: Fri, 18 Dec 2026 10:00:00 +0100\n"
        + "In-Reply-To: <cadence.00000000000000000000000000000004@ours.example>\n"
        + headers
        + "\n\n"
        + body
        + "\n";
  }

  @Test
  void autoSubmittedAutoRepliedWithAReturnDate() {
    Verdict v =
        Mail.judge(
            reply(
                "Subject: Re: Hello\nAuto-Submitted: auto-replied",
                "I am away and back on January 4. For urgent matters call the office."));

    assertThat(v)
        .isInstanceOfSatisfying(
            Verdict.AutoReply.class,
            a -> {
              assertThat(a.sender()).isEqualTo("ann@client.example");
              assertThat(a.until()).contains(LocalDate.of(2027, 1, 4));
              assertThat(a.reason()).contains("Auto-Submitted: auto-replied");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Out of Office: Hello",
        "Automatic reply: Hello",
        "Réponse automatique : Hello",
        "Absence du bureau",
        "Abwesenheitsnotiz: Hello",
        "Automatische Antwort: Hello",
        "Respuesta automática: Hello",
        "Fuera de la oficina"
      })
  void outOfOfficeSubjectsInFourLanguages(String subject) {
    assertThat(Mail.judge(reply("Subject: " + subject, "Thanks for your message.")))
        .isInstanceOf(Verdict.AutoReply.class);
  }

  @Test
  void vendorHeadersCount() {
    assertThat(Mail.judge(reply("Subject: Re: Hello\nX-Autoreply: yes", "Away.")))
        .isInstanceOf(Verdict.AutoReply.class);
    assertThat(Mail.judge(reply("Subject: Re: Hello\nPrecedence: auto_reply", "Away.")))
        .isInstanceOf(Verdict.AutoReply.class);
  }

  @Test
  void autoSubmittedNoIsAPerson() {
    assertThat(Mail.judge(reply("Subject: Re: Hello\nAuto-Submitted: no", "Sounds good.")))
        .isInstanceOf(Verdict.Reply.class);
  }

  @Test
  void anOutOfOfficeWithoutADateHasNone() {
    Verdict.AutoReply a =
        (Verdict.AutoReply)
            Mail.judge(reply("Subject: Out of office", "I have limited access to email."));
    assertThat(a.until()).isEmpty();
  }
}
