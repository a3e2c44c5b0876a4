package dev.cadence.io.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.cadence.cli.CliHarness;
import dev.cadence.live.LiveFixture;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `cadence run` end to end over real SMTP: GreenMail on loopback for deliveries, the scripted
 * server for what GreenMail cannot do (refuse, stay silent, answer 4xx or 5xx).
 */
class RunOverSmtpTest {
  static final String MONDAY_0905_PARIS = "2026-03-02T08:05:00Z";

  @TempDir Path dir;
  Path db;
  Path log;

  @BeforeEach
  void enroll() throws Exception {
    db = dir.resolve("state.db");
    log = dir.resolve("log.csv");
    Path cadence = LiveFixture.cadence(dir, "c", LiveFixture.EMAILS_ONLY);
    Path leads = dir.resolve("leads.csv");
    // Hostile fields: a formula as lead id, a Mustache tag as a name, a header injection in a name.
    Files.writeString(
        leads,
        "id,email,first_name,company,timezone\n"
            + "L-1,ana@example.com,Ana,Acme,Europe/Paris\n"
            + "\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",bo@example.com,{{owner}},Beta,Europe/Paris\n"
            + "L-3,cy@example.com,\"Cy\r\nBcc: victim@example.com\",Gamma,Europe/Paris\n");
    var r =
        CliHarness.run(
            "enroll",
            cadence.toString(),
            "--leads",
            leads.toString(),
            "--db",
            db.toString(),
            "--start",
            "2026-03-02",
            "--now",
            "2026-03-01T12:00:00Z");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("enrolled 3 leads");
  }

  private CliHarness.CliResult run(String smtp, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--db",
                db.toString(),
                "--now",
                MONDAY_0905_PARIS,
                "--smtp",
                smtp,
                "--from",
                "sales@northwind.example",
                "--log",
                log.toString()));
    args.addAll(List.of(extra));
    return CliHarness.run(args.toArray(String[]::new));
  }

  private JsonNode status() throws Exception {
    return new ObjectMapper()
        .readTree(CliHarness.run("status", "--db", db.toString(), "--format", "json").out());
  }

  private int sends(String state) throws Exception {
    return status().get("cadences").get(0).get("steps").get(0).get("sends").get(state).asInt();
  }

  @Test
  void greenMailReceivesEachEmailOnceWithItsHeadersAndHostileFieldsStayInert() throws Exception {
    GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    try {
      String url = "smtp://127.0.0.1:" + mail.getSmtp().getPort();
      var r = run(url, "--list-unsubscribe", "https://northwind.example/unsubscribe");
      // The held touch needs a person: cron sees it (exit 3, a warning).
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
      assertThat(r.out()).as(r.toString()).contains("sent 2", "held 1");
      assertThat(r.err()).as(r.toString()).contains("warning: lead L-3 step intro: held (");
      MimeMessage[] received = mail.getReceivedMessages();
      assertThat(received).hasSize(2);
      List<String> subjects = new ArrayList<>();
      for (MimeMessage m : received) {
        subjects.add(m.getSubject());
        assertThat(m.getHeader("Message-ID")[0])
            .matches("<cadence\\.[0-9a-f]{32}@northwind\\.example>");
        assertThat(m.getHeader("List-Unsubscribe")[0])
            .isEqualTo("<https://northwind.example/unsubscribe>");
        assertThat(m.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(m.getHeader("Bcc")).isNull();
      }
      // A lead's value is data, never a template: {{owner}} is written as is.
      assertThat(subjects).containsExactlyInAnyOrder("Hello Ana", "Hello {{owner}}");
      assertThat(status().get("attention").get(0).get("detail").asText()).contains("line break");
      String logText = Files.readString(log);
      assertThat(logText)
          .contains(
              "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",emails-only,intro,email,intro,,sent");
      assertThat(logText.lines()).hasSize(3);

      var again = run(url);
      assertThat(again.out()).as(again.toString()).contains("sent 0");
      assertThat(mail.getReceivedMessages()).hasSize(2);
    } finally {
      mail.stop();
    }
  }

  @Test
  void refusedConnectionIsRetriedLaterAndExitsThree() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    var r = run("smtp://127.0.0.1:" + closedPort);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("stopped sending");
    assertThat(sends("retry")).isEqualTo(1);
    assertThat(sends("sent")).isZero();
  }

  @Test
  void silentServerTimesOutAsARetry() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.start()
            .on(ScriptedSmtpServer.Step.GREETING, ScriptedSmtpServer.SILENT)) {
      var r = run("smtp://127.0.0.1:" + server.port() + "?timeout=1s&connect_timeout=1s");
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
      assertThat(sends("retry")).isEqualTo(1);
    }
  }

  @Test
  void temporaryRefusalOfTheRecipientIsARetry() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.start().on(ScriptedSmtpServer.Step.RCPT, "450 4.2.1 mailbox busy")) {
      var r = run("smtp://127.0.0.1:" + server.port());
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
      assertThat(sends("retry")).isEqualTo(2);
      assertThat(server.bodies()).isEmpty();
    }
  }

  @Test
  void permanentRefusalOfTheRecipientSuppressesTheAddress() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.start().on(ScriptedSmtpServer.Step.RCPT, "550 5.1.1 no such user")) {
      var r = run("smtp://127.0.0.1:" + server.port());
      // Refused addresses are no error of the tick; the fixture's held touch is (exit 3).
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
      assertThat(r.err()).as(r.toString()).doesNotContain("retr").contains("held (");
      assertThat(sends("failed")).isEqualTo(2);
      assertThat(status().get("cadences").get(0).get("ended").get("suppressed").asInt())
          .isEqualTo(2);
    }
  }

  @Test
  void noReplyAfterTheBodyLeavesTheSendInDoubt() throws Exception {
    try (ScriptedSmtpServer server =
        ScriptedSmtpServer.start()
            .on(ScriptedSmtpServer.Step.END_OF_DATA, ScriptedSmtpServer.SILENT)) {
      var r = run("smtp://127.0.0.1:" + server.port() + "?timeout=1s");
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
      assertThat(sends("in-doubt")).isGreaterThanOrEqualTo(1);
      assertThat(status().get("attention").get(0).get("state").asText()).isEqualTo("in-doubt");
    }
  }
}
