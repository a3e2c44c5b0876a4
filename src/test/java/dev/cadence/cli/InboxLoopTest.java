package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.cadence.live.LiveFixture;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole loop through the command line: {@code run} sends over SMTP to GreenMail, a reply, a
 * hard bounce, an out-of-office with a return date and a complaint arrive in its IMAP mailbox,
 * {@code inbox} reads them (twice: nothing recorded twice), and later ticks stop, suppress, pause
 * and resume as they should.
 */
class InboxLoopTest {
  static final String FROM = "sales@northwind.example";
  // Monday 7 December 2026, 09:05 in Paris; the cadence: day 1, 2 and 4, 09:00-17:00 Mon-Fri.
  static final String MONDAY = "2026-12-07T08:05:00Z";

  @TempDir Path dir;
  GreenMail mail;
  GreenMailUser sales;
  Path db;
  Path log;

  @BeforeEach
  void sendTheFirstEmails() throws Exception {
    mail =
        new GreenMail(
            new ServerSetup[] {
              ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()
            });
    mail.start();
    sales = mail.setUser(FROM, "sales", "s3cret");
    db = dir.resolve("state.db");
    log = dir.resolve("log.csv");
    Path cadence = LiveFixture.cadence(dir, "c", LiveFixture.EMAILS_ONLY);
    Path leads =
        LiveFixture.leads(
            dir,
            "leads.csv",
            List.of(
                "L-1,ana@acme.example,Ana,Acme,Europe/Paris,sophie,",
                "L-2,bo@beta.example,Bo,Beta,Europe/Paris,sophie,",
                "L-3,cy@gamma.example,Cy,Gamma,Europe/Paris,marc,",
                "L-4,di@delta.example,Di,Delta,Europe/Paris,marc,"));
    ok(
        "enroll",
        cadence.toString(),
        "--leads",
        leads.toString(),
        "--db",
        db.toString(),
        "--start",
        "2026-12-07",
        "--now",
        "2026-12-06T12:00:00Z");
    JsonNode tick = json(tick(MONDAY));
    assertThat(tick.get("sent").asInt()).isEqualTo(4);
    // --now moves the whole tick, the Date header included.
    assertThat(mail.getReceivedMessages()[0].getSentDate().toInstant())
        .isEqualTo(java.time.Instant.parse(MONDAY));
  }

  @AfterEach
  void stop() {
    mail.stop();
  }

  @Test
  void whatComesBackStopsSuppressesPausesAndResumes() throws Exception {
    Map<String, String> sentIds = sentMessageIds();
    deliver(reply("ana@acme.example", sentIds.get("ana@acme.example")));
    deliver(hardBounce("bo@beta.example", sentIds.get("bo@beta.example")));
    deliver(outOfOffice("cy@gamma.example", "I am out of the office until 14 December 2026."));
    deliver(complaint("di@delta.example", sentIds.get("di@delta.example")));

    JsonNode first = json(inbox("2026-12-07T10:00:00Z"));
    assertThat(first).hasSize(4);
    Map<String, JsonNode> byLead = new HashMap<>();
    first.forEach(r -> byLead.put(r.get("lead_id").asText(), r));
    assertThat(byLead.get("L-1").get("kind").asText()).isEqualTo("reply");
    assertThat(byLead.get("L-1").get("step").asText()).isEqualTo("intro");
    assertThat(byLead.get("L-1").get("action").asText()).contains("recorded replied on intro");
    assertThat(byLead.get("L-2").get("kind").asText()).isEqualTo("bounce");
    assertThat(byLead.get("L-2").get("recipients").get(0).get("class").asText()).isEqualTo("hard");
    assertThat(byLead.get("L-2").get("action").asText()).contains("suppressed bo@beta.example");
    assertThat(byLead.get("L-3").get("kind").asText()).isEqualTo("auto_reply");
    assertThat(byLead.get("L-3").get("until").asText()).isEqualTo("2026-12-14");
    assertThat(byLead.get("L-3").get("action").asText()).contains("paused L-3");
    assertThat(byLead.get("L-4").get("kind").asText()).isEqualTo("complaint");
    assertThat(byLead.get("L-4").get("action").asText()).contains("suppressed di@delta.example");
    String logAfterFirst = Files.readString(log);
    assertThat(logAfterFirst)
        .contains("L-1,emails-only,intro,email,intro,,replied")
        .contains("L-2,emails-only,intro,email,intro,,bounced")
        .contains("L-4,emails-only,intro,email,intro,,unsubscribed");

    // status shows who is paused until when.
    CliHarness.CliResult status =
        CliHarness.run(
            CommandContext.system()
                .withClock(Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC)),
            "status",
            "--db",
            db.toString(),
            "--format",
            "json");
    JsonNode paused = json(status).get("paused");
    assertThat(paused).hasSize(1);
    assertThat(paused.get(0).get("lead_id").asText()).isEqualTo("L-3");
    // The day after the return date, in the lead's zone (Paris: UTC+1).
    assertThat(paused.get(0).get("until").asText()).isEqualTo("2026-12-14T23:00:00Z");

    // A second read finds nothing new and records nothing twice.
    JsonNode second = json(inbox("2026-12-07T10:05:00Z"));
    assertThat(second).isEmpty();
    assertThat(Files.readString(log)).isEqualTo(logAfterFirst);

    // Tuesday: only the out-of-office lead is still in the cadence, and it is paused.
    JsonNode tuesday = json(tick("2026-12-08T08:05:00Z"));
    assertThat(tuesday.get("sent").asInt()).isZero();
    // Tuesday 15 December, the day after the return: the next email goes out, one, to Cy.
    int before = mail.getReceivedMessages().length;
    JsonNode back = json(tick("2026-12-15T08:05:00Z"));
    assertThat(back.get("sent").asInt()).isEqualTo(1);
    MimeMessage[] received = mail.getReceivedMessages();
    assertThat(received).hasSize(before + 1);
    long toCy = 0;
    for (MimeMessage m : received) {
      if (m.getAllRecipients()[0].toString().equals("cy@gamma.example")) {
        toCy++;
      }
    }
    assertThat(toCy).as("Cy's first email and the one after the pause").isEqualTo(2);

    // Ana writes again after her enrollment ended: still recorded, still given to the rep.
    deliver(
        reply("ana@acme.example", sentIds.get("ana@acme.example"))
            .replace("reply-1@acme.example", "reply-2@acme.example"));
    JsonNode late = json(inbox("2026-12-15T09:00:00Z"));
    assertThat(late).hasSize(1);
    assertThat(late.get(0).get("kind").asText()).isEqualTo("reply");
    assertThat(late.get(0).get("lead_id").asText()).isEqualTo("L-1");

    // The rep has Ana's replies to read, until they are closed with record.
    CliHarness.CliResult tasks = ok("tasks", "--db", db.toString(), "--format", "csv");
    assertThat(tasks.out()).contains("read-reply").contains("L-1");
    ok(
        "record",
        "--db",
        db.toString(),
        "--lead",
        "L-1",
        "--step",
        "read-reply",
        "--now",
        "2026-12-15T09:00:00Z");
    assertThat(ok("tasks", "--db", db.toString(), "--format", "csv").out())
        .doesNotContain("read-reply");
  }

  @Test
  void aBounceThatBlamesOurSendingWarnsAndExitsThreeWithoutBlamingTheLead() throws Exception {
    deliver(senderBlocked("bo@beta.example"));
    CliHarness.CliResult r = inbox("2026-12-07T10:00:00Z");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.RUNTIME);
    assertThat(r.err()).contains("refused our sending");
    // Nothing suppressed: Tuesday's email to Bo still goes out.
    JsonNode tuesday = json(tick("2026-12-08T08:05:00Z"));
    assertThat(tuesday.get("sent").asInt()).isEqualTo(4);
  }

  private CliHarness.CliResult tick(String now) {
    return ok(
        "run",
        "--db",
        db.toString(),
        "--now",
        now,
        "--smtp",
        "smtp://127.0.0.1:" + mail.getSmtp().getPort(),
        "--from",
        FROM,
        "--log",
        log.toString(),
        "--format",
        "json");
  }

  private CliHarness.CliResult inbox(String now) {
    return CliHarness.run(
        "inbox",
        "--db",
        db.toString(),
        "--now",
        now,
        "--log",
        log.toString(),
        "--format",
        "json",
        "--imap",
        "imap://sales:s3cret@127.0.0.1:" + mail.getImap().getPort() + "/INBOX?starttls=false");
  }

  private static CliHarness.CliResult ok(String... args) {
    CliHarness.CliResult r = CliHarness.run(args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r;
  }

  private static JsonNode json(CliHarness.CliResult r) throws Exception {
    return new ObjectMapper().readTree(r.out());
  }

  private Map<String, String> sentMessageIds() throws Exception {
    Map<String, String> ids = new HashMap<>();
    for (MimeMessage m : mail.getReceivedMessages()) {
      String id = m.getHeader("Message-ID")[0];
      ids.put(m.getAllRecipients()[0].toString(), id.substring(1, id.length() - 1));
    }
    return ids;
  }

  private void deliver(String raw) throws Exception {
    sales.deliver(GreenMailUtil.newMimeMessage(raw));
  }

  static String reply(String from, String inReplyTo) {
    return "From: Ana <"
        + from
        + ">\r\n"
        + "To: "
        + FROM
        + "\r\n"
        + "Subject: Re: Hello Ana\r\n"
        + "Message-ID: <reply-1@acme.example>\r\n"
        + "In-Reply-To: <"
        + inReplyTo
        + ">\r\n"
        + "Date: Mon, 07 Dec 2026 10:30:00 +0100\r\n"
        + "\r\n"
        + "Thanks, let us talk on Thursday.\r\n"
        + "\r\n"
        + "> Hi Ana of Acme,\r\n"
        + "> hello.\r\n";
  }

  static String hardBounce(String to, String original) {
    return "From: Mail Delivery System <MAILER-DAEMON@mx.beta.example>\r\n"
        + "To: "
        + FROM
        + "\r\n"
        + "Subject: Undelivered Mail Returned to Sender\r\n"
        + "Message-ID: <bounce-1@mx.beta.example>\r\n"
        + "Date: Mon, 07 Dec 2026 09:06:00 +0100\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b1\"\r\n"
        + "\r\n"
        + "--b1\r\n"
        + "Content-Type: text/plain\r\n"
        + "\r\n"
        + "I'm sorry to have to inform you that your message could not be delivered.\r\n"
        + "--b1\r\n"
        + "Content-Type: message/delivery-status\r\n"
        + "\r\n"
        + "Reporting-MTA: dns; mx.beta.example\r\n"
        + "\r\n"
        + "Final-Recipient: rfc822; "
        + to
        + "\r\n"
        + "Action: failed\r\n"
        + "Status: 5.1.1\r\n"
        + "Diagnostic-Code: smtp; 550 5.1.1 <"
        + to
        + ">: Recipient address rejected: User unknown\r\n"
        + "--b1\r\n"
        + "Content-Type: text/rfc822-headers\r\n"
        + "\r\n"
        + "From: "
        + FROM
        + "\r\n"
        + "To: "
        + to
        + "\r\n"
        + "Message-ID: <"
        + original
        + ">\r\n"
        + "Subject: Hello Bo\r\n"
        + "--b1--\r\n";
  }

  static String outOfOffice(String from, String text) {
    return "From: Cy <"
        + from
        + ">\r\n"
        + "To: "
        + FROM
        + "\r\n"
        + "Subject: Out of Office: Hello Cy\r\n"
        + "Auto-Submitted: auto-replied\r\n"
        + "Message-ID: <ooo-1@gamma.example>\r\n"
        + "Date: Mon, 07 Dec 2026 09:07:00 +0100\r\n"
        + "\r\n"
        + text
        + "\r\n";
  }

  static String complaint(String rcpt, String original) {
    return "From: feedback@isp.example\r\n"
        + "To: "
        + FROM
        + "\r\n"
        + "Subject: FW: Hello Di\r\n"
        + "Message-ID: <arf-1@isp.example>\r\n"
        + "Date: Mon, 07 Dec 2026 09:30:00 +0100\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/report; report-type=feedback-report; boundary=\"f1\"\r\n"
        + "\r\n"
        + "--f1\r\n"
        + "Content-Type: text/plain\r\n"
        + "\r\n"
        + "This is an email abuse report.\r\n"
        + "--f1\r\n"
        + "Content-Type: message/feedback-report\r\n"
        + "\r\n"
        + "Feedback-Type: abuse\r\n"
        + "User-Agent: isp-fbl/1.0\r\n"
        + "Version: 1\r\n"
        + "Original-Rcpt-To: <"
        + rcpt
        + ">\r\n"
        + "--f1\r\n"
        + "Content-Type: message/rfc822\r\n"
        + "\r\n"
        + "From: "
        + FROM
        + "\r\n"
        + "To: "
        + rcpt
        + "\r\n"
        + "Message-ID: <"
        + original
        + ">\r\n"
        + "Subject: Hello Di\r\n"
        + "\r\n"
        + "Hi Di of Delta,\r\n"
        + "--f1--\r\n";
  }

  static String senderBlocked(String to) {
    return "From: Mail Delivery System <MAILER-DAEMON@mx.beta.example>\r\n"
        + "To: "
        + FROM
        + "\r\n"
        + "Subject: Undelivered Mail Returned to Sender\r\n"
        + "Message-ID: <bounce-2@mx.beta.example>\r\n"
        + "Date: Mon, 07 Dec 2026 09:06:00 +0100\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b2\"\r\n"
        + "\r\n"
        + "--b2\r\n"
        + "Content-Type: message/delivery-status\r\n"
        + "\r\n"
        + "Reporting-MTA: dns; mx.beta.example\r\n"
        + "\r\n"
        + "Final-Recipient: rfc822; "
        + to
        + "\r\n"
        + "Action: failed\r\n"
        + "Status: 5.7.1\r\n"
        + "Diagnostic-Code: smtp; 554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked"
        + " using zen.spamhaus.org\r\n"
        + "--b2--\r\n";
  }
}
