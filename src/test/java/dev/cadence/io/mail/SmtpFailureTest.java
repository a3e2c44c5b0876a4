package dev.cadence.io.mail;

import static dev.cadence.io.mail.SmtpEmailSenderTest.CLOCK;
import static dev.cadence.io.mail.SmtpEmailSenderTest.TEST_CERT;
import static dev.cadence.io.mail.SmtpEmailSenderTest.email;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.io.mail.ScriptedSmtpServer.Step;
import dev.cadence.live.SendResult;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How each way an SMTP exchange can go wrong maps to a {@link SendResult}, against a scripted
 * server on loopback. The line that matters: nothing is {@code InDoubt} unless the end-of-data dot
 * was sent.
 */
class SmtpFailureTest {
  private static final Duration SHORT = Duration.ofMillis(700);
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private ScriptedSmtpServer server() throws Exception {
    ScriptedSmtpServer s = ScriptedSmtpServer.start();
    open.add(s);
    return s;
  }

  private SmtpEmailSender sender(String url) {
    SmtpEmailSender sender =
        new SmtpEmailSender(SmtpSettings.parse(url).withTimeouts(SHORT, SHORT, SHORT), CLOCK);
    open.add(sender);
    return sender;
  }

  private SmtpEmailSender sender(ScriptedSmtpServer s) {
    return sender("smtp://" + s.host() + ":" + s.port());
  }

  private static SendResult send(SmtpEmailSender sender, String id) {
    return sender.send(email(id + "@cadence.example.com", "lead@example.org"));
  }

  @Test
  void theScriptedServerAcceptsAPlainSend() throws Exception {
    ScriptedSmtpServer s = server();
    SendResult r = send(sender(s), "ok");
    assertThat(r).as(r.toString()).isEqualTo(new SendResult.Sent("250 2.0.0 queued as 42"));
    assertThat(s.bodies()).hasSize(1);
    assertThat(s.bodies().get(0)).contains("Message-ID: <ok@cadence.example.com>");
    assertThat(s.commands()).contains("MAIL FROM:<ada@example.com>", "RCPT TO:<lead@example.org>");
  }

  @Test
  void aRefusedConnectionIsARetryForAllSends() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    } // closed: nothing listens there now
    SendResult r = send(sender("smtp://127.0.0.1:" + port), "refused");
    assertThat(r).as(r.toString()).isInstanceOf(SendResult.Retry.class);
    assertThat(((SendResult.Retry) r).affectsAllSends()).isTrue();
    assertThat(((SendResult.Retry) r).reason())
        .contains("cannot connect")
        .contains("127.0.0.1:" + port);
  }

  @Test
  void aServerThatNeverGreetsIsARetryAfterTheTimeout() throws Exception {
    ScriptedSmtpServer s = server().on(Step.GREETING, ScriptedSmtpServer.SILENT);
    long start = System.nanoTime();
    SendResult r = send(sender(s), "silent");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(r).as(r.toString()).isInstanceOf(SendResult.Retry.class);
    assertThat(((SendResult.Retry) r).affectsAllSends()).isTrue();
    assertThat(((SendResult.Retry) r).reason()).contains("did not answer in time");
    assertThat(millis).as("it gave up on the read timeout, not later").isLessThan(30_000);
    assertThat(s.bodies()).isEmpty();
  }

  @Test
  void silenceAfterTheBodyLeavesTheSendInDoubt() throws Exception {
    ScriptedSmtpServer s = server().on(Step.END_OF_DATA, ScriptedSmtpServer.SILENT);
    SendResult r = send(sender(s), "doubt");
    assertThat(r).as(r.toString()).isInstanceOf(SendResult.InDoubt.class);
    assertThat(((SendResult.InDoubt) r).reason())
        .contains("no reply after the message body")
        .contains("700 ms");
    assertThat(s.bodies()).as("the server did get the whole message").hasSize(1);
  }

  @Test
  void aHangUpAfterTheBodyLeavesTheSendInDoubt() throws Exception {
    ScriptedSmtpServer s = server().on(Step.END_OF_DATA, ScriptedSmtpServer.DROP);
    SendResult r = send(sender(s), "dropped");
    assertThat(r).as(r.toString()).isInstanceOf(SendResult.InDoubt.class);
  }

  @Test
  void silenceAfterTheDataCommandIsARetryBecauseNoBodyWasSent() throws Exception {
    ScriptedSmtpServer s = server().on(Step.DATA, ScriptedSmtpServer.SILENT);
    SendResult r = send(sender(s), "nodata");
    assertThat(r).as(r.toString()).isInstanceOf(SendResult.Retry.class);
    assertThat(((SendResult.Retry) r).affectsAllSends()).isTrue();
  }

  @Test
  void aHangUpAtRcptIsARetry() throws Exception {
    ScriptedSmtpServer s = server().on(Step.RCPT, ScriptedSmtpServer.DROP);
    SendResult r = send(sender(s), "rcptdrop");
    assertThat(r).as(r.toString()).isInstanceOf(SendResult.Retry.class);
    assertThat(((SendResult.Retry) r).affectsAllSends()).isTrue();
  }

  @Test
  void a4xxAtRcptIsARetryForThisMessageAndTheConnectionIsKept() throws Exception {
    ScriptedSmtpServer s = server().on(Step.RCPT, "450 4.2.1 mailbox busy, try later");
    SmtpEmailSender sender = sender(s);
    SendResult r = send(sender, "busy");
    assertThat(r)
        .as(r.toString())
        .isEqualTo(
            new SendResult.Retry(
                "the server deferred the recipient (RCPT TO): 450 4.2.1 mailbox busy, try later",
                false));
    s.on(Step.RCPT, "250 ok");
    assertThat(send(sender, "next")).isInstanceOf(SendResult.Sent.class);
    assertThat(sender.connections()).isEqualTo(1);
    assertThat(s.commands()).contains("RSET");
  }

  @Test
  void a421AtRcptIsARetryForAllSends() throws Exception {
    ScriptedSmtpServer s = server().on(Step.RCPT, "421 4.3.2 shutting down");
    SendResult r = send(sender(s), "closing");
    assertThat(r).as(r.toString()).isInstanceOf(SendResult.Retry.class);
    assertThat(((SendResult.Retry) r).affectsAllSends()).isTrue();
  }

  @Test
  void a5xxAtRcptFailsAndNamesTheAddressAsRefused() throws Exception {
    ScriptedSmtpServer s = server().on(Step.RCPT, "550 5.1.1 no such user");
    SmtpEmailSender sender = sender(s);
    SendResult r = send(sender, "nouser");
    assertThat(r)
        .as(r.toString())
        .isEqualTo(
            new SendResult.Failed(
                "the server refused the recipient (RCPT TO): 550 5.1.1 no such user", true));
    assertThat(s.bodies()).isEmpty();
    s.on(Step.RCPT, "250 ok");
    assertThat(send(sender, "after")).isInstanceOf(SendResult.Sent.class);
    assertThat(sender.connections()).isEqualTo(1);
  }

  @Test
  void a5xxAfterTheBodyFailsTheMessageNotTheAddress() throws Exception {
    ScriptedSmtpServer s = server().on(Step.END_OF_DATA, "554 5.7.1 message content rejected");
    SendResult r = send(sender(s), "spam");
    assertThat(r)
        .as(r.toString())
        .isEqualTo(
            new SendResult.Failed(
                "the server refused the message after its body: 554 5.7.1 message content rejected",
                false));
  }

  @Test
  void a4xxAfterTheBodyIsARetry() throws Exception {
    ScriptedSmtpServer s = server().on(Step.END_OF_DATA, "451 4.3.0 try again later");
    SendResult r = send(sender(s), "later");
    assertThat(r)
        .as(r.toString())
        .isEqualTo(
            new SendResult.Retry(
                "the server deferred the message after its body: 451 4.3.0 try again later",
                false));
  }

  @Test
  void a5xxToTheDataCommandFailsTheMessage() throws Exception {
    ScriptedSmtpServer s = server().on(Step.DATA, "554 5.5.1 no valid recipients");
    SendResult r = send(sender(s), "nodata");
    assertThat(r)
        .as(r.toString())
        .isEqualTo(
            new SendResult.Failed(
                "the server refused the message (DATA): 554 5.5.1 no valid recipients", false));
  }

  @Test
  void aRefusedSenderIsARetryForAllSendsNotAFailureOfTheLead() throws Exception {
    ScriptedSmtpServer s = server().on(Step.MAIL, "553 5.7.1 sender not allowed");
    SendResult r = send(sender(s), "sender");
    assertThat(r)
        .as(r.toString())
        .isEqualTo(
            new SendResult.Retry(
                "the server refused the sender (MAIL FROM): 553 5.7.1 sender not allowed", true));
  }

  @Test
  void aBadGreetingIsARetryForAllSends() throws Exception {
    ScriptedSmtpServer s = server().on(Step.GREETING, "554 no service for you");
    SendResult r = send(sender(s), "greeting");
    assertThat(r).as(r.toString()).isInstanceOf(SendResult.Retry.class);
    assertThat(((SendResult.Retry) r).affectsAllSends()).isTrue();
    assertThat(((SendResult.Retry) r).reason()).contains("554 no service for you");
  }

  @Test
  void aConnectionTheServerDroppedIsReopenedOnceAndTheMessageGoesOut() throws Exception {
    ScriptedSmtpServer s = server().dropAfterMessages(1);
    SmtpEmailSender sender = sender(s);
    assertThat(send(sender, "first")).isInstanceOf(SendResult.Sent.class);
    SendResult r = send(sender, "second");
    assertThat(r).as(r.toString()).isInstanceOf(SendResult.Sent.class);
    assertThat(sender.connections()).isEqualTo(2);
    assertThat(s.bodies()).hasSize(2);
  }

  @Test
  void requiredStartTlsUpgradesBeforeTheMessage() throws Exception {
    ScriptedSmtpServer s = ScriptedSmtpServer.start(InetAddress.getLoopbackAddress(), serverTls());
    open.add(s);
    SendResult r =
        send(sender("smtp://127.0.0.1:" + s.port() + "?starttls=true&trust=" + TEST_CERT), "tls");
    assertThat(r).as(r.toString()).isInstanceOf(SendResult.Sent.class);
    List<String> commands = s.commands();
    assertThat(commands.indexOf("STARTTLS"))
        .isPositive()
        .isLessThan(commands.indexOf("MAIL FROM:<ada@example.com>"));
    assertThat(commands.stream().filter(c -> c.startsWith("EHLO")).count())
        .as("EHLO again after TLS")
        .isEqualTo(2);
    assertThat(s.bodies()).hasSize(1);
  }

  @Test
  void requiredStartTlsOnAServerWithoutItSendsNothing() throws Exception {
    ScriptedSmtpServer s = server();
    SendResult r = send(sender("smtp://127.0.0.1:" + s.port() + "?starttls=true"), "notls");
    assertThat(r).as(r.toString()).isInstanceOf(SendResult.Retry.class);
    assertThat(((SendResult.Retry) r).reason()).contains("STARTTLS");
    assertThat(s.commands()).noneMatch(c -> c.startsWith("MAIL"));
  }

  @Test
  void aCertificateForAnotherHostIsRefusedEvenWhenTrusted() throws Exception {
    // The test certificate names localhost and 127.0.0.1; the server here is 127.0.0.2.
    ScriptedSmtpServer s =
        ScriptedSmtpServer.start(InetAddress.getByName("127.0.0.2"), serverTls());
    open.add(s);
    SendResult r =
        send(
            sender("smtp://127.0.0.2:" + s.port() + "?starttls=true&trust=" + TEST_CERT),
            "mismatch");
    assertThat(r).as(r.toString()).isInstanceOf(SendResult.Retry.class);
    assertThat(((SendResult.Retry) r).reason()).contains("TLS");
    assertThat(s.commands()).noneMatch(c -> c.startsWith("MAIL"));
  }

  @Test
  void credentialsWithoutAuthOnTheServerAreNotSentIntoTheVoid() throws Exception {
    ScriptedSmtpServer s = server();
    SendResult r =
        send(sender("smtp://user:pw@127.0.0.1:" + s.port() + "?starttls=false"), "noauth");
    assertThat(r).as(r.toString()).isInstanceOf(SendResult.Retry.class);
    assertThat(((SendResult.Retry) r).reason()).contains("does not offer AUTH");
    assertThat(s.commands()).noneMatch(c -> c.startsWith("MAIL"));
  }

  /** The server side of the test certificate (src/test/resources/greenmail.p12). */
  static SSLContext serverTls() throws Exception {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in =
        SmtpFailureTest.class.getClassLoader().getResourceAsStream("greenmail.p12")) {
      keys.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "changeit".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(kmf.getKeyManagers(), null, null);
    return context;
  }
}
