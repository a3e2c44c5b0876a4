package dev.cadence.io.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.live.OutgoingEmail;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The Subject header on the wire: every line with an encoded word is at most 76 characters, the
 * "Subject: " prefix included (RFC 2047, section 2), and the subject reads back exactly.
 */
class SubjectHeaderProperties {
  private static final Session SESSION = Session.getInstance(new Properties());

  @Provide
  Arbitrary<String> subjects() {
    return Arbitraries.of(
            "a",
            "Re: ",
            " ",
            "Angebot",
            "ü",
            "é",
            "ß",
            "Zoë",
            "👋",
            "日本語",
            "—",
            "ℹ️",
            "_",
            "=",
            "?",
            "=?",
            ",",
            "x".repeat(30),
            "Ω")
        .list()
        .ofMinSize(1)
        .ofMaxSize(40)
        // Stripped: the library drops the spaces around an unencoded subject, as it always has.
        .map(pieces -> String.join("", pieces).strip())
        .filter(s -> !s.isEmpty() && s.length() <= 200);
  }

  @Property(tries = 500)
  void everyEncodedLineFitsAndTheSubjectReadsBack(@ForAll("subjects") String subject)
      throws Exception {
    String raw = wire(subject);
    List<String> lines = subjectLines(raw);
    for (String line : lines) {
      if (line.contains("=?")) {
        assertThat(line.length()).as(raw).isLessThanOrEqualTo(76);
      }
    }
    MimeMessage back =
        new MimeMessage(SESSION, new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
    assertThat(back.getSubject()).as(raw).isEqualTo(subject);
  }

  @Example
  void aLongGermanSubjectNoLongerFoldsPastTheLimit() throws Exception {
    String subject = "Grüße aus München: Ihr Angebot für das nächste Quartal ist fertig, Zoë 👋";
    List<String> lines = subjectLines(wire(subject));
    assertThat(lines.get(0)).startsWith("Subject: =?UTF-8?Q?");
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(76));
    assertThat(lines.size()).isGreaterThan(1);
  }

  @Example
  void anAsciiSubjectIsLeftAsItWas() throws Exception {
    assertThat(subjectLines(wire("Quick question about your Q3 plans")))
        .containsExactly("Subject: Quick question about your Q3 plans");
  }

  /** The message as it goes on the wire, US-ASCII headers and quoted-printable body. */
  private static String wire(String subject) throws Exception {
    OutgoingEmail email =
        new OutgoingEmail(
            "m1@cadence.example.com",
            "Ada Sales <ada@example.com>",
            "zoe@example.org",
            subject,
            "Hello",
            Optional.empty());
    MimeMessage m = MessageBuilder.build(SESSION, email, Instant.parse("2026-03-02T09:00:00Z"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    return out.toString(StandardCharsets.US_ASCII);
  }

  /** The Subject header's physical lines: its first, and the continuation lines after it. */
  private static List<String> subjectLines(String raw) {
    List<String> lines = new ArrayList<>();
    boolean in = false;
    for (String line : raw.split("\r\n")) {
      if (line.isEmpty()) {
        break;
      }
      if (line.startsWith("Subject: ")) {
        in = true;
      } else if (in && !(line.startsWith(" ") || line.startsWith("\t"))) {
        break;
      }
      if (in) {
        lines.add(line);
      }
    }
    return lines;
  }
}
