package dev.cadence.io.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.inbox.MailMessage;
import dev.cadence.inbox.MailPart;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The reader on messages built from RFC 2045-2047 and RFC 5322. */
class MailReaderTest {
  private static MailMessage read(String text) {
    return new MailReader().read(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void unfoldsAndDecodesHeadersKeepingOrderAndRepeats() {
    MailMessage m =
        read(
            """
            Received: from a
            Received: from b
            Subject: =?ISO-8859-1?Q?Caf=E9?= =?UTF-8?B?IOKCrA==?=
             folded
            Message-ID: <abc@x.example>

            body
            """);
    assertThat(m.headers().all("Received")).containsExactly("from a", "from b");
    assertThat(m.subject()).isEqualTo("Café € folded");
    assertThat(m.messageId()).contains("abc@x.example");
  }

  @Test
  void aHeaderInjectionInAnEncodedWordStaysOneField() {
    MailMessage m = read("Subject: =?utf-8?Q?hi=0D=0ABcc:_x@evil.example?=\n\nbody\n");
    assertThat(m.headers().fields()).hasSize(1);
    assertThat(m.subject()).doesNotContain("\n").doesNotContain("\r");
  }

  @Test
  void readsPartsDepthFirstWithEmbeddedHeaders() {
    MailMessage m =
        read(
            """
            Content-Type: multipart/mixed; boundary="o"

            --o
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: base64

            SGVsbG8gd29ybGQ=
            --o
            Content-Type: message/rfc822

            To: ann@client.example
            Message-ID: <orig@ours.example>
            Content-Type: text/html

            <p>Hi&nbsp;<b>Ann</b></p><blockquote>quoted</blockquote>
            --o--
            """);
    assertThat(m.parts())
        .extracting(MailPart::type)
        .containsExactly("text/plain", "message/rfc822", "text/html");
    assertThat(m.parts().get(0).text()).isEqualTo("Hello world");
    assertThat(m.parts().get(1).embedded().get("To")).isEqualTo("ann@client.example");
    assertThat(m.parts().get(2).depth()).isEqualTo(1);
    assertThat(m.parts().get(2).text()).contains("Hi Ann").contains("> quoted");
    assertThat(m.problems()).isEmpty();
  }

  @Test
  void notesATruncatedMultipartAndAnUnknownCharsetAndKeepsWhatItHas() {
    MailMessage m =
        read(
            """
            Content-Type: multipart/mixed; boundary="o"

            --o
            Content-Type: text/plain; charset=x-martian

            still here
            """);
    assertThat(m.parts()).hasSize(1);
    assertThat(m.parts().get(0).text()).contains("still here");
    assertThat(m.problems())
        .contains("truncated multipart (no closing boundary)")
        .anyMatch(p -> p.contains("x-martian"));
  }

  @Test
  void quotedPrintableSoftBreaksAndBadEscapes() {
    MailMessage m =
        read(
            """
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            caf=C3=A9 is=
             here =ZZ
            """);
    assertThat(m.parts().get(0).text()).isEqualTo("café is here =ZZ\n");
  }
}
