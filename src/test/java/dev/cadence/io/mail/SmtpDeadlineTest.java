package dev.cadence.io.mail;

import static dev.cadence.io.mail.SmtpEmailSenderTest.CLOCK;
import static dev.cadence.io.mail.SmtpEmailSenderTest.email;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.io.mail.ScriptedSmtpServer.Step;
import dev.cadence.live.SendResult;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that dribbles its replies one byte at a time never trips the reply timeout; the deadline
 * of the whole exchange stops it, before the body (a retry for every send) or after it (in doubt).
 */
class SmtpDeadlineTest {
  /** 80 bytes at 0.5 s each: 40 s, far past the deadline, each byte well inside the timeout. */
  private static final String LONG =
      "ESMTP a very slow but perfectly well-formed server that never stops talking";

  private ScriptedSmtpServer server;

  @BeforeEach
  void start() throws Exception {
    server = ScriptedSmtpServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private SendResult sendWith(String query) {
    try (SmtpEmailSender sender =
        new SmtpEmailSender(
            SmtpSettings.parse("smtp://" + server.host() + ":" + server.port() + query), CLOCK)) {
      return sender.send(email("d1@cadence.example.com", "lead@example.org"));
    }
  }

  @Test
  void aDribbledGreetingIsCutAtTheDeadline() {
    server.on(Step.GREETING, ScriptedSmtpServer.trickle(500) + "220 " + LONG);
    long start = System.nanoTime();
    SendResult r = sendWith("?timeout=2s&deadline=3s");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(millis).as("cut at the 3 s deadline, not after the 40 s greeting").isLessThan(8_000);
    assertThat(r).as(r.toString()).isInstanceOf(SendResult.Retry.class);
    assertThat(((SendResult.Retry) r).affectsAllSends()).isTrue();
    assertThat(((SendResult.Retry) r).reason()).contains("3000 ms deadline");
  }

  @Test
  void theDefaultDeadlineFollowsTheTimeout() {
    assertThat(SmtpSettings.parse("smtp://h?timeout=2s").exchangeDeadline())
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(SmtpSettings.parse("smtp://h").exchangeDeadline()).isEqualTo(Duration.ofMinutes(2));
    assertThat(SmtpSettings.parse("smtp://h?timeout=5m").exchangeDeadline())
        .isEqualTo(Duration.ofMinutes(5));
    assertThat(SmtpSettings.parse("smtp://h?deadline=30s").exchangeDeadline())
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aDribbledAnswerAfterTheBodyLeavesTheSendInDoubt() {
    server.on(Step.END_OF_DATA, ScriptedSmtpServer.trickle(500) + "250 2.0.0 " + LONG);
    long start = System.nanoTime();
    SendResult r = sendWith("?timeout=2s&deadline=3s");
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(millis).isLessThan(8_000);
    assertThat(r).as(r.toString()).isInstanceOf(SendResult.InDoubt.class);
    assertThat(((SendResult.InDoubt) r).reason()).contains("deadline", "may have accepted it");
  }

  @Test
  void aQuickExchangeIsNotDisturbedAndTheConnectionIsKept() {
    try (SmtpEmailSender sender =
        new SmtpEmailSender(
            SmtpSettings.parse(
                "smtp://" + server.host() + ":" + server.port() + "?timeout=2s&deadline=1s"),
            CLOCK)) {
      for (int i = 0; i < 3; i++) {
        SendResult r = sender.send(email("q" + i + "@cadence.example.com", "lead@example.org"));
        assertThat(r).as(r.toString()).isInstanceOf(SendResult.Sent.class);
        sleep(1_200); // longer than the deadline between messages: only an exchange is timed
      }
      assertThat(sender.connections()).isEqualTo(1);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
