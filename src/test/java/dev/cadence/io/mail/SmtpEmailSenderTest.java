package dev.cadence.io.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.cadence.live.OutgoingEmail;
import dev.cadence.live.SendResult;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SMTP adapter against GreenMail (a real SMTP server on loopback). The scripted-server cases
 * (silence, hang-ups, 4xx/5xx replies, STARTTLS) are in {@link SmtpFailureTest}.
 */
class SmtpEmailSenderTest {
  static final Instant NOW = Instant.parse("2026-03-02T09:15:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  /**
   * The certificate of src/test/resources/greenmail.p12, which GreenMail loads instead of its own.
   */
  static final Path TEST_CERT = resource("mail/test-server.pem");

  private GreenMail greenMail;

  @BeforeEach
  void start() {
    greenMail =
        new GreenMail(
                new ServerSetup[] {
                  ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.SMTPS.dynamicPort()
                })
            .withConfiguration(
                GreenMailConfiguration.aConfig()
                    .withUser("sender@example.com", "mailer", "s3cr@t:pw"));
    greenMail.start();
  }

  @AfterEach
  void stop() {
    greenMail.stop();
  }

  static OutgoingEmail email(String messageId, String to) {
    return new OutgoingEmail(
        messageId,
        "Ada Sales <ada@example.com>",
        to,
        "Grüße, Zoë 👋",
        "Hallo Zoë,\n\nüber 80 Zeichen lang: " + "x".repeat(90) + "\n.\nline after a lone dot\n",
        Optional.of("https://example.com/unsub?t=abc123"));
  }

  private SmtpSettings plain() {
    return SmtpSettings.of("127.0.0.1", greenMail.getSmtp().getPort());
  }

  @Test
  void sendsUtf8TextWithTheDeterministicHeaders() throws Exception {
    SendResult result;
    try (SmtpEmailSender sender = new SmtpEmailSender(plain(), CLOCK)) {
      result = sender.send(email("e42.s7.v1@cadence.example.com", "zoe@example.org"));
    }

    assertThat(result).as(result.toString()).isInstanceOf(SendResult.Sent.class);
    assertThat(((SendResult.Sent) result).serverReply()).startsWith("250");
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage m = received[0];
    assertThat(m.getMessageID()).isEqualTo("<e42.s7.v1@cadence.example.com>");
    assertThat(m.getSubject()).isEqualTo("Grüße, Zoë 👋");
    assertThat(m.getSentDate().toInstant()).isEqualTo(NOW);
    assertThat(m.getHeader("List-Unsubscribe", null))
        .isEqualTo("<https://example.com/unsub?t=abc123>");
    assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
    assertThat(m.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
    assertThat(m.getHeader("Content-Transfer-Encoding", null)).isEqualTo("quoted-printable");
    assertThat(m.getFrom()[0].toString()).isEqualTo("Ada Sales <ada@example.com>");
    assertThat(m.getAllRecipients())
        .extracting(Object::toString)
        .containsExactly("zoe@example.org");
    // GreenMail keeps the body without the line break that ends it (it is part of CRLF.CRLF).
    assertThat(((String) m.getContent()).replace("\r\n", "\n"))
        .isEqualTo(email("x@y", "z@w").body().stripTrailing());
    String raw = GreenMailUtil.getWholeMessage(m);
    assertThat(raw)
        .as("the subject is encoded, never raw UTF-8 in a header")
        .contains("Subject: =?UTF-8?");
    String rawBody = raw.substring(raw.indexOf("\r\n\r\n") + 4);
    assertThat(rawBody.split("\r\n"))
        .as("quoted-printable keeps every line short")
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(76));
    assertThat(rawBody).contains("Hallo Zo=C3=AB");
  }

  @Test
  void aMailtoUnsubscribeHasNoOneClickHeader() throws Exception {
    OutgoingEmail e =
        new OutgoingEmail(
            "m1@cadence.example.com",
            "ada@example.com",
            "bo@example.org",
            "Hi",
            "Body",
            Optional.of("mailto:unsub@example.com?subject=stop"));
    try (SmtpEmailSender sender = new SmtpEmailSender(plain(), CLOCK)) {
      assertThat(sender.send(e)).isInstanceOf(SendResult.Sent.class);
    }
    MimeMessage m = greenMail.getReceivedMessages()[0];
    assertThat(m.getHeader("List-Unsubscribe", null))
        .isEqualTo("<mailto:unsub@example.com?subject=stop>");
    assertThat(m.getHeader("List-Unsubscribe-Post")).isNull();
  }

  @Test
  void noUnsubscribeTargetMeansNoListHeaders() throws Exception {
    OutgoingEmail e =
        new OutgoingEmail(
            "m1@cadence.example.com",
            "ada@example.com",
            "bo@example.org",
            "Hi",
            "Body",
            Optional.empty());
    try (SmtpEmailSender sender = new SmtpEmailSender(plain(), CLOCK)) {
      assertThat(sender.send(e)).isInstanceOf(SendResult.Sent.class);
    }
    MimeMessage m = greenMail.getReceivedMessages()[0];
    assertThat(m.getHeader("List-Unsubscribe")).isNull();
    assertThat(m.getHeader("List-Unsubscribe-Post")).isNull();
  }

  @Test
  void keepsOneConnectionForManySends() {
    try (SmtpEmailSender sender = new SmtpEmailSender(plain(), CLOCK)) {
      for (int i = 0; i < 5; i++) {
        SendResult r =
            sender.send(email("m" + i + "@cadence.example.com", "lead" + i + "@example.org"));
        assertThat(r).as(r.toString()).isInstanceOf(SendResult.Sent.class);
      }
      assertThat(sender.connections()).isEqualTo(1);
    }
    assertThat(greenMail.getReceivedMessages()).hasSize(5);
  }

  @Test
  void aNonAsciiSenderNameIsEncodedAndAUnicodeDomainGoesOutAsPunycode() throws Exception {
    OutgoingEmail e =
        new OutgoingEmail(
            "n1@cadence.example.com",
            "\"Zoë Müller, Sales\" <zoe@example.com>",
            "jörg@bücher.example",
            "Hi",
            "Body",
            Optional.empty());
    try (SmtpEmailSender sender = new SmtpEmailSender(plain(), CLOCK)) {
      SendResult r = sender.send(e);
      assertThat(r).as(r.toString()).isInstanceOf(SendResult.Failed.class);
      assertThat(((SendResult.Failed) r).reason()).contains("SMTPUTF8");
      r =
          sender.send(
              new OutgoingEmail(
                  "n2@cadence.example.com",
                  e.from(),
                  "joerg@bücher.example",
                  "Hi",
                  "Body",
                  Optional.empty()));
      assertThat(r).as(r.toString()).isInstanceOf(SendResult.Sent.class);
    }
    MimeMessage m = greenMail.getReceivedMessages()[0];
    String raw = GreenMailUtil.getWholeMessage(m);
    assertThat(raw).contains("From: =?UTF-8?Q?").contains("To: joerg@xn--bcher-kva.example");
    assertThat(raw.chars().allMatch(c -> c < 0x80))
        .as("the whole message is ASCII on the wire")
        .isTrue();
    assertThat(((jakarta.mail.internet.InternetAddress) m.getFrom()[0]).getPersonal())
        .isEqualTo("Zoë Müller, Sales");
  }

  @Test
  void smtpsWithTheServersCertificateTrusted() throws Exception {
    SmtpSettings s =
        SmtpSettings.parse(
            "smtps://127.0.0.1:" + greenMail.getSmtps().getPort() + "?trust=" + TEST_CERT);
    try (SmtpEmailSender sender = new SmtpEmailSender(s, CLOCK)) {
      SendResult r = sender.send(email("tls1@cadence.example.com", "zoe@example.org"));
      assertThat(r).as(r.toString()).isInstanceOf(SendResult.Sent.class);
    }
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(greenMail.getReceivedMessages()[0].getMessageID())
        .isEqualTo("<tls1@cadence.example.com>");
  }

  @Test
  void smtpsRefusesACertificateThatIsNotTrusted() {
    SmtpSettings s =
        SmtpSettings.parse("smtps://127.0.0.1:" + greenMail.getSmtps().getPort() + "?timeout=5s");
    try (SmtpEmailSender sender = new SmtpEmailSender(s, CLOCK)) {
      SendResult r = sender.send(email("tls2@cadence.example.com", "zoe@example.org"));
      assertThat(r).as(r.toString()).isInstanceOf(SendResult.Retry.class);
      assertThat(((SendResult.Retry) r).affectsAllSends()).isTrue();
      assertThat(((SendResult.Retry) r).reason()).contains("TLS").contains("?trust=PATH");
    }
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void authenticatesWithPercentEncodedCredentials() {
    // The password is s3cr@t:pw; the user name is the login. GreenMail's SMTP has no STARTTLS, so
    // sending the password in clear has to be asked for.
    SmtpSettings s =
        SmtpSettings.parse(
            "smtp://mailer:s3cr%40t%3Apw@127.0.0.1:"
                + greenMail.getSmtp().getPort()
                + "?starttls=false");
    try (SmtpEmailSender sender = new SmtpEmailSender(s, CLOCK)) {
      SendResult r = sender.send(email("auth1@cadence.example.com", "zoe@example.org"));
      assertThat(r).as(r.toString()).isInstanceOf(SendResult.Sent.class);
    }
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void aWrongPasswordIsARetryForEverySendAndNeverShowsThePassword() {
    SmtpSettings s =
        SmtpSettings.parse(
            "smtp://mailer:wrong-secret@127.0.0.1:"
                + greenMail.getSmtp().getPort()
                + "?starttls=false");
    try (SmtpEmailSender sender = new SmtpEmailSender(s, CLOCK)) {
      SendResult r = sender.send(email("auth2@cadence.example.com", "zoe@example.org"));
      assertThat(r).as(r.toString()).isInstanceOf(SendResult.Retry.class);
      SendResult.Retry retry = (SendResult.Retry) r;
      assertThat(retry.affectsAllSends()).isTrue();
      assertThat(retry.reason())
          .contains("authentication failed")
          .contains("535")
          .doesNotContain("wrong-secret");
    }
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void authenticatesOverSmtps() {
    SmtpSettings s =
        SmtpSettings.parse(
            "smtps://mailer:s3cr%40t%3Apw@127.0.0.1:"
                + greenMail.getSmtps().getPort()
                + "?trust="
                + TEST_CERT);
    try (SmtpEmailSender sender = new SmtpEmailSender(s, CLOCK)) {
      SendResult r = sender.send(email("auth3@cadence.example.com", "zoe@example.org"));
      assertThat(r).as(r.toString()).isInstanceOf(SendResult.Sent.class);
    }
  }

  @Test
  void aPasswordIsNotSentInClearUnlessTheUrlSaysSo() {
    SmtpSettings s =
        SmtpSettings.parse(
            "smtp://mailer:s3cr%40t%3Apw@127.0.0.1:" + greenMail.getSmtp().getPort());
    try (SmtpEmailSender sender = new SmtpEmailSender(s, CLOCK)) {
      SendResult r = sender.send(email("auth4@cadence.example.com", "zoe@example.org"));
      assertThat(r).as(r.toString()).isInstanceOf(SendResult.Retry.class);
      assertThat(((SendResult.Retry) r).reason())
          .contains("does not offer STARTTLS")
          .contains("?starttls=false");
    }
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void theClockDecidesTheDateHeader() throws Exception {
    Instant other = Instant.parse("2027-07-04T18:30:00Z");
    try (SmtpEmailSender sender =
        new SmtpEmailSender(plain(), Clock.fixed(other, ZoneOffset.UTC))) {
      sender.send(email("d1@cadence.example.com", "zoe@example.org"));
    }
    assertThat(greenMail.getReceivedMessages()[0].getSentDate().toInstant()).isEqualTo(other);
  }

  @Test
  void aSendAfterTheServerStoppedIsRetriedOnANewConnectionOnlyWhenNothingWasSent() {
    try (SmtpEmailSender sender =
        new SmtpEmailSender(
            plain()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)),
            CLOCK)) {
      assertThat(sender.send(email("a@cadence.example.com", "zoe@example.org")))
          .isInstanceOf(SendResult.Sent.class);
      greenMail.stop();
      SendResult r = sender.send(email("b@cadence.example.com", "zoe@example.org"));
      assertThat(r).as(r.toString()).isInstanceOf(SendResult.Retry.class);
      assertThat(((SendResult.Retry) r).affectsAllSends()).isTrue();
      assertThat(sender.connections())
          .as("one reconnect attempt after the kept connection failed")
          .isEqualTo(2);
    }
  }

  static Path resource(String name) {
    try {
      return Path.of(SmtpEmailSenderTest.class.getClassLoader().getResource(name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
