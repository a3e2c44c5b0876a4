package dev.cadence.io.mail;

import static dev.cadence.io.mail.SmtpEmailSenderTest.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.io.mail.MessageBuilder.Fault;
import dev.cadence.live.EmailHeaders;
import dev.cadence.live.OutgoingEmail;
import dev.cadence.live.SendResult;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile values in any header are refused before a connection is even opened. */
class HeaderInjectionTest {
  private static final OutgoingEmail OK =
      new OutgoingEmail(
          "m1@cadence.example.com",
          "Ada <ada@example.com>",
          "lead@example.org",
          "Hello",
          "Body",
          Optional.of("https://example.com/u/1"));

  private ScriptedSmtpServer server;

  @BeforeEach
  void start() throws Exception {
    server = ScriptedSmtpServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<Arguments> hostile() {
    return Stream.of(
        Arguments.of(
            "subject CRLF + Bcc",
            with(OK, "subject", "Hi\r\nBcc: victim@example.net"),
            Fault.MESSAGE,
            "carriage return"),
        Arguments.of(
            "subject LF", with(OK, "subject", "Hi\nX-Evil: 1"), Fault.MESSAGE, "line feed"),
        Arguments.of("subject NUL", with(OK, "subject", "Hi\u0000there"), Fault.MESSAGE, "U+0000"),
        Arguments.of(
            "subject U+2028", with(OK, "subject", "Hi\u2028there"), Fault.MESSAGE, "U+2028"),
        Arguments.of(
            "recipient CRLF",
            with(OK, "to", "lead@example.org\r\nBcc: victim@example.net"),
            Fault.RECIPIENT,
            "carriage return"),
        Arguments.of(
            "recipient list",
            with(OK, "to", "lead@example.org,victim@example.net"),
            Fault.RECIPIENT,
            "not one plain address"),
        Arguments.of(
            "recipient with a name",
            with(OK, "to", "Lead <lead@example.org>"),
            Fault.RECIPIENT,
            "not one plain address"),
        Arguments.of(
            "recipient comma local part",
            with(OK, "to", "a,b@example.org"),
            Fault.RECIPIENT,
            "not one plain address"),
        Arguments.of(
            "sender LF",
            with(OK, "from", "ada@example.com\nBcc: x@example.net"),
            Fault.CONFIGURATION,
            "line feed"),
        Arguments.of(
            "sender list",
            with(OK, "from", "ada@example.com, eve@example.net"),
            Fault.CONFIGURATION,
            "not one address"),
        Arguments.of(
            "unsubscribe CRLF",
            with(OK, "unsub", "https://example.com/u\r\nBcc: x@example.net"),
            Fault.CONFIGURATION,
            "carriage return"),
        Arguments.of(
            "unsubscribe angle",
            with(OK, "unsub", "https://example.com/u>, <https://evil.example"),
            Fault.CONFIGURATION,
            "characters a URL may not hold"),
        Arguments.of(
            "unsubscribe javascript",
            with(OK, "unsub", "javascript:alert(1)"),
            Fault.CONFIGURATION,
            "https:// URL or a mailto:"),
        Arguments.of(
            "message id CRLF",
            with(OK, "id", "m1@x\r\nBcc: y@z"),
            Fault.CONFIGURATION,
            "Message-ID"),
        Arguments.of(
            "message id brackets", with(OK, "id", "<m1@x>"), Fault.CONFIGURATION, "Message-ID"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void isRefusedBeforeConnectingAndBlamesOnlyWhoIsAtFault(
      String name, OutgoingEmail email, MessageBuilder.Fault fault, String why) {
    if (!name.equals(
        "sender list")) { // --from is the operator's, checked as an address by the adapter only
      assertThat(EmailHeaders.problem(email))
          .as("run can check before it claims the touch")
          .isPresent();
    }
    SendResult r;
    try (SmtpEmailSender sender =
        new SmtpEmailSender(SmtpSettings.of(server.host(), server.port()), CLOCK)) {
      r = sender.send(email);
      assertThat(sender.connections()).isZero();
    }
    String reason;
    if (fault == MessageBuilder.Fault.CONFIGURATION) {
      // The set-up is wrong, not the lead: a retry for every send, never a failure of this one.
      assertThat(r).as(r.toString()).isInstanceOf(SendResult.Retry.class);
      assertThat(((SendResult.Retry) r).affectsAllSends()).as(r.toString()).isTrue();
      reason = ((SendResult.Retry) r).reason();
    } else {
      assertThat(r).as(r.toString()).isInstanceOf(SendResult.Failed.class);
      SendResult.Failed f = (SendResult.Failed) r;
      assertThat(f.addressRefused())
          .as(r.toString())
          .isEqualTo(fault == MessageBuilder.Fault.RECIPIENT);
      reason = f.reason();
    }
    assertThat(reason)
        .contains(why)
        .startsWith("not sent: ")
        .doesNotContain("\r")
        .doesNotContain("\n");
    assertThat(server.connections()).isZero();
  }

  @Test
  void theCleanOriginalGoesOut() {
    try (SmtpEmailSender sender =
        new SmtpEmailSender(SmtpSettings.of(server.host(), server.port()), CLOCK)) {
      assertThat(sender.send(OK)).isInstanceOf(SendResult.Sent.class);
    }
    assertThat(EmailHeaders.problem(OK)).isEmpty();
  }

  private static OutgoingEmail with(OutgoingEmail e, String field, String value) {
    return switch (field) {
      case "subject" ->
          new OutgoingEmail(e.messageId(), e.from(), e.to(), value, e.body(), e.listUnsubscribe());
      case "to" ->
          new OutgoingEmail(
              e.messageId(), e.from(), value, e.subject(), e.body(), e.listUnsubscribe());
      case "from" ->
          new OutgoingEmail(
              e.messageId(), value, e.to(), e.subject(), e.body(), e.listUnsubscribe());
      case "unsub" ->
          new OutgoingEmail(
              e.messageId(), e.from(), e.to(), e.subject(), e.body(), Optional.of(value));
      default ->
          new OutgoingEmail(value, e.from(), e.to(), e.subject(), e.body(), e.listUnsubscribe());
    };
  }
}
