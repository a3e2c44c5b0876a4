package dev.cadence.io.mail;

import static dev.cadence.io.mail.SmtpEmailSenderTest.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.cadence.live.OutgoingEmail;
import dev.cadence.live.SendResult;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A micro-check of the adapter's own cost: 1,000 messages over one connection to GreenMail on
 * loopback. It asserts only that every message arrived over a single connection; the rate goes to
 * the test's output (target/surefire-reports/...-output.txt), with the load next to it, because a
 * wall-clock figure on a shared 2-core machine is not something a test can assert.
 */
class SmtpThroughputTest {
  private static final int MESSAGES = 1_000;

  @Test
  void sendsAThousandMessagesOverOneConnection() {
    GreenMail greenMail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    greenMail.start();
    try (SmtpEmailSender sender =
        new SmtpEmailSender(SmtpSettings.of("127.0.0.1", greenMail.getSmtp().getPort()), CLOCK)) {
      long cpuBefore = cpuNanos();
      long threadBefore = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
      long start = System.nanoTime();
      for (int i = 0; i < MESSAGES; i++) {
        OutgoingEmail e =
            new OutgoingEmail(
                "e" + i + ".s1.v1@cadence.example.com",
                "Ada <ada@example.com>",
                "lead" + i + "@example.org",
                "Quick question, Lead " + i,
                "Hi Lead "
                    + i
                    + ",\n\n"
                    + "A paragraph of a typical sales email, about this long. ".repeat(8)
                    + "\n\nAda\n",
                Optional.of("https://example.com/unsubscribe?t=" + i));
        SendResult r = sender.send(e);
        if (!(r instanceof SendResult.Sent)) { // no per-message assertion objects in the timed loop
          assertThat(r).as("message " + i).isInstanceOf(SendResult.Sent.class);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpu = (cpuNanos() - cpuBefore) / 1e9;
      double client =
          (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - threadBefore) / 1e9;
      assertThat(sender.connections()).isEqualTo(1);
      assertThat(greenMail.getReceivedMessages()).hasSize(MESSAGES);
      System.out.printf(
          "mail throughput: %d messages in %.2f s wall = %.0f msgs/s; sending thread CPU %.2f s"
              + " (%.0f us/message, cold JVM); process CPU %.2f s (client, GreenMail, JIT); load average %.2f%n",
          MESSAGES,
          seconds,
          MESSAGES / seconds,
          client,
          client * 1e6 / MESSAGES,
          cpu,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    } finally {
      greenMail.stop();
    }
  }

  private static long cpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }
}
