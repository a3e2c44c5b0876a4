package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.cadence.live.LiveFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code inbox} over IMAP as cron runs it: a connection dropped mid-fetch (the next call resumes,
 * nothing twice, nothing skipped), a folder the server renumbered (new UIDVALIDITY), and several
 * mailboxes in one call.
 */
class InboxImapTest {
  @TempDir Path dir;
  GreenMail mail;
  GreenMailUser sophie;
  Path db;

  @BeforeEach
  void start() throws Exception {
    mail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
    mail.start();
    sophie = mail.setUser("sophie@northwind.example", "sophie", "pw");
    db = dir.resolve("state.db");
    Path cadence = LiveFixture.cadence(dir, "c", LiveFixture.EMAILS_ONLY);
    Path leads =
        LiveFixture.leads(
            dir, "leads.csv", List.of("L-1,ana@acme.example,Ana,Acme,Europe/Paris,,"));
    CliHarness.CliResult r =
        CliHarness.run(
            "enroll",
            cadence.toString(),
            "--leads",
            leads.toString(),
            "--db",
            db.toString(),
            "--now",
            "2026-12-06T12:00:00Z");
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  @AfterEach
  void stop() {
    mail.stop();
  }

  /** A message of about 1 KB from someone who is not a lead: judged, remembered, left alone. */
  static String message(String id) {
    return "From: someone@elsewhere.example\r\nTo: sophie@northwind.example\r\nSubject: note "
        + id
        + "\r\nMessage-ID: <"
        + id
        + "@elsewhere.example>\r\n\r\n"
        + "x".repeat(1000)
        + "\r\n";
  }

  private JsonNode inbox(String... urls) throws Exception {
    CliHarness.CliResult r = inboxResult(urls);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  private CliHarness.CliResult inboxResult(String... urls) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "inbox",
                "--db",
                db.toString(),
                "--format",
                "json",
                "--now",
                "2026-12-07T10:00:00Z"));
    for (String url : urls) {
      args.add("--imap");
      args.add(url);
    }
    return CliHarness.run(args.toArray(String[]::new));
  }

  private String url(String user, int port, String folder) {
    return "imap://" + user + ":pw@127.0.0.1:" + port + "/" + folder + "?starttls=false";
  }

  private static Set<String> sources(JsonNode results) {
    Set<String> ids = new HashSet<>();
    results.forEach(r -> ids.add(r.get("message_id").asText()));
    return ids;
  }

  @Test
  void aConnectionDroppedMidFetchKeepsWhatWasReadAndTheNextCallResumes() throws Exception {
    for (int i = 1; i <= 150; i++) {
      sophie.deliver(GreenMailUtil.newMimeMessage(message("m" + i)));
    }
    // Cut after ~130 KB from the server: inside the second batch of bodies (100 + 50 of ~1.1 KB).
    try (DroppingProxy proxy = new DroppingProxy(mail.getImap().getPort(), 130_000)) {
      CliHarness.CliResult cut = inboxResult(url("sophie", proxy.port(), "INBOX"));
      assertThat(cut.exitCode()).as(cut.toString()).isEqualTo(ExitCodes.RUNTIME);
      assertThat(cut.err())
          .contains("reading imap://sophie@127.0.0.1:" + proxy.port() + "/INBOX failed");
      JsonNode before = new ObjectMapper().readTree(cut.out());
      assertThat(before.size()).isBetween(1, 149);
      JsonNode rest = inbox(url("sophie", mail.getImap().getPort(), "INBOX"));
      Set<String> all = sources(before);
      Set<String> later = sources(rest);
      assertThat(later).doesNotContainAnyElementsOf(all);
      all.addAll(later);
      assertThat(all).hasSize(150);
    }
    assertThat(inbox(url("sophie", mail.getImap().getPort(), "INBOX"))).isEmpty();
  }

  @Test
  void aFolderRenumberedByTheServerIsReadAgainAndOnlyTheNewMessagesAreHandled() throws Exception {
    ImapHostManager host = mail.getManagers().getImapHostManager();
    MailFolder replies = host.createMailbox(sophie, "Replies");
    for (int i = 1; i <= 3; i++) {
      replies.store(GreenMailUtil.newMimeMessage(message("r" + i)));
    }
    assertThat(inbox(url("sophie", mail.getImap().getPort(), "Replies"))).hasSize(3);
    long before = replies.getUidValidity();
    MailFolder again = replies;
    // GreenMail's UIDVALIDITY counts seconds: recreate the folder until the server renumbered it.
    for (int tries = 0; again.getUidValidity() == before && tries < 30; tries++) {
      host.deleteMailbox(sophie, "Replies");
      Thread.sleep(200);
      again = host.createMailbox(sophie, "Replies");
    }
    assertThat(again.getUidValidity()).isNotEqualTo(before);
    for (int i = 1; i <= 4; i++) { // the same three, and one new
      again.store(GreenMailUtil.newMimeMessage(message("r" + i)));
    }
    JsonNode second = inbox(url("sophie", mail.getImap().getPort(), "Replies"));
    assertThat(sources(second)).containsExactly("r4@elsewhere.example");
  }

  @Test
  void severalMailboxesInOneCall() throws Exception {
    GreenMailUser marc = mail.setUser("marc@northwind.example", "marc", "pw");
    sophie.deliver(GreenMailUtil.newMimeMessage(message("s1")));
    marc.deliver(GreenMailUtil.newMimeMessage(message("k1")));
    marc.deliver(GreenMailUtil.newMimeMessage(message("k2")));
    int port = mail.getImap().getPort();
    JsonNode both = inbox(url("sophie", port, "INBOX"), url("marc", port, "INBOX"));
    assertThat(sources(both))
        .containsExactlyInAnyOrder(
            "s1@elsewhere.example", "k1@elsewhere.example", "k2@elsewhere.example");
    marc.deliver(GreenMailUtil.newMimeMessage(message("k3")));
    assertThat(sources(inbox(url("sophie", port, "INBOX"), url("marc", port, "INBOX"))))
        .containsExactly("k3@elsewhere.example");
  }

  @Test
  void moveToFilesTheHandledMessagesAndDeletesNothing() throws Exception {
    sophie.deliver(GreenMailUtil.newMimeMessage(message("v1")));
    sophie.deliver(GreenMailUtil.newMimeMessage(message("v2")));
    int port = mail.getImap().getPort();
    CliHarness.CliResult r =
        CliHarness.run(
            "inbox",
            "--db",
            db.toString(),
            "--format",
            "json",
            "--imap",
            url("sophie", port, "INBOX"),
            "--move-to",
            "Handled");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    ImapHostManager host = mail.getManagers().getImapHostManager();
    assertThat(host.getFolder(sophie, "INBOX").getMessageCount()).isZero();
    assertThat(host.getFolder(sophie, "Handled").getMessageCount()).isEqualTo(2);
    // Filed messages are not read again from their new folder either: they were read once.
    assertThat(inbox(url("sophie", port, "Handled"))).isEmpty();
  }

  /**
   * Forwards one TCP connection at a time and cuts it after {@code limit} bytes from the server.
   */
  static final class DroppingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final Thread acceptor;

    DroppingProxy(int target, long limit) throws IOException {
      listener = new ServerSocket(0);
      acceptor =
          new Thread(
              () -> {
                while (!listener.isClosed()) {
                  try {
                    Socket client = listener.accept();
                    Socket server = new Socket("127.0.0.1", target);
                    AtomicLong budget = new AtomicLong(limit);
                    pump(client.getInputStream(), server.getOutputStream(), null, client, server);
                    pump(server.getInputStream(), client.getOutputStream(), budget, client, server);
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
    }

    int port() {
      return listener.getLocalPort();
    }

    private static void pump(
        InputStream in, OutputStream out, AtomicLong budget, Socket a, Socket b) {
      Thread t =
          new Thread(
              () -> {
                byte[] buffer = new byte[4096];
                try {
                  for (int n; (n = in.read(buffer)) > 0; ) {
                    if (budget != null && budget.addAndGet(-n) < 0) {
                      break;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                  }
                } catch (IOException ignored) {
                  // one side went away
                }
                try {
                  a.close();
                  b.close();
                } catch (IOException ignored) {
                  // closing anyway
                }
              });
      t.setDaemon(true);
      t.start();
    }

    @Override
    public void close() throws IOException {
      listener.close();
    }
  }
}
