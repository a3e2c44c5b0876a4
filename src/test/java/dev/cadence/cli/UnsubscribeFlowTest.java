package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.cadence.io.http.UnsubscribeServer;
import dev.cadence.live.LiveFixture;
import dev.cadence.live.StateStore;
import dev.cadence.live.UnsubscribeTokens;
import dev.cadence.store.Stores;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-click unsubscribe end to end: {@code run} puts each lead's own signed link in its email, the
 * endpoint answers a POST with that link by unsubscribing the lead (and nothing for a forged one),
 * and {@code unsubscribe --token} does the same from a script.
 */
class UnsubscribeFlowTest {
  static final String SECRET = "the secret that signs every link";
  static final String MONDAY = "2026-12-07T08:05:00Z";

  @TempDir Path dir;
  GreenMail mail;
  Path db;
  Path log;
  CommandContext context =
      CommandContext.system().withEnvironment(Map.of("CADENCE_SECRET", SECRET));

  @BeforeEach
  void enroll() throws Exception {
    mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    db = dir.resolve("state.db");
    log = dir.resolve("log.csv");
    Path cadence = LiveFixture.cadence(dir, "c", LiveFixture.EMAILS_ONLY);
    Path leads =
        LiveFixture.leads(
            dir,
            "leads.csv",
            List.of(
                "L-1,ana@acme.example,Ana,Acme,Europe/Paris,sophie,",
                "L-2,bo@beta.example,Bo,Beta,Europe/Paris,sophie,"));
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
  }

  @AfterEach
  void stop() {
    mail.stop();
  }

  private CliHarness.CliResult tick(String now, String link) {
    return CliHarness.run(
        context,
        "run",
        "--db",
        db.toString(),
        "--now",
        now,
        "--smtp",
        "smtp://127.0.0.1:" + mail.getSmtp().getPort(),
        "--from",
        "sales@northwind.example",
        "--log",
        log.toString(),
        "--format",
        "json",
        "--list-unsubscribe",
        link);
  }

  private CliHarness.CliResult ok(String... args) {
    CliHarness.CliResult r = CliHarness.run(context, args);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return r;
  }

  @Test
  void eachEmailCarriesItsLeadsLinkAndAPostToItUnsubscribesThatLeadOnly() throws Exception {
    CliHarness.CliResult sent = tick(MONDAY, "https://northwind.example/unsubscribe/{token}");
    assertThat(sent.exitCode()).as(sent.toString()).isZero();
    UnsubscribeTokens tokens = new UnsubscribeTokens(SECRET);
    String anaLink = null;
    for (MimeMessage m : mail.getReceivedMessages()) {
      String to = m.getAllRecipients()[0].toString();
      String header = m.getHeader("List-Unsubscribe")[0];
      String lead = to.startsWith("ana") ? "L-1" : "L-2";
      assertThat(header)
          .isEqualTo("<https://northwind.example/unsubscribe/" + tokens.token(lead) + ">");
      if (lead.equals("L-1")) {
        anaLink = header.substring(1, header.length() - 1);
      }
    }
    try (StateStore store = Stores.open(db);
        UnsubscribeServer server =
            UnsubscribeServer.start(
                new InetSocketAddress("127.0.0.1", 0),
                tokens,
                lead ->
                    Unsubscribing.unsubscribe(
                        store,
                        null,
                        lead,
                        "one-click",
                        Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC)))) {
      String base = "http://127.0.0.1:" + server.address().getPort();
      String path = URI.create(anaLink).getPath();
      HttpClient http = HttpClient.newHttpClient();
      // A GET (a mail scanner following the link) only shows the button.
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<form method=\"post\"");
      // A forged token changes nothing.
      HttpResponse<String> forged = post(http, base + "/unsubscribe/" + tokens.token("L-1") + "x");
      assertThat(forged.statusCode()).isEqualTo(400);
      assertThat(forged.body()).contains("Nothing was changed");
      assertThat(tick("2026-12-08T08:05:00Z", "https://northwind.example/u/{token}").out())
          .contains("\"sent\": 2");
      // The one-click POST of RFC 8058.
      HttpResponse<String> done = post(http, base + path);
      assertThat(done.statusCode()).isEqualTo(200);
      assertThat(done.body()).contains("You are unsubscribed");
      HttpResponse<String> again = post(http, base + path);
      assertThat(again.body()).contains("already unsubscribed");
    }
    // Thursday: Bo gets the third email, Ana nothing more.
    int before = mail.getReceivedMessages().length;
    JsonNode thursday =
        new ObjectMapper()
            .readTree(tick("2026-12-10T08:05:00Z", "https://northwind.example/u/{token}").out());
    assertThat(thursday.get("sent").asInt()).isEqualTo(1);
    MimeMessage[] all = mail.getReceivedMessages();
    assertThat(all).hasSize(before + 1);
    assertThat(Files.readString(log)).doesNotContain("L-1,emails-only,third");
  }

  @Test
  void theCommandUnsubscribesByTokenAndAForgedTokenChangesNothing() throws Exception {
    assertThat(tick(MONDAY, "https://northwind.example/unsubscribe/{token}").exitCode()).isZero();
    UnsubscribeTokens tokens = new UnsubscribeTokens(SECRET);
    CliHarness.CliResult forged =
        CliHarness.run(
            context, "unsubscribe", "--db", db.toString(), "--token", tokens.token("L-1") + "A");
    assertThat(forged.exitCode()).as(forged.toString()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(forged.err()).contains("does not verify").contains("nothing changed");
    CliHarness.CliResult done =
        ok(
            "unsubscribe",
            "--db",
            db.toString(),
            "--token",
            tokens.token("L-1"),
            "--log",
            log.toString(),
            "--now",
            "2026-12-07T09:00:00Z");
    assertThat(done.out()).contains("lead L-1 unsubscribed");
    assertThat(Files.readString(log)).contains("L-1,emails-only,intro,email,intro,,unsubscribed");
    JsonNode tuesday =
        new ObjectMapper()
            .readTree(tick("2026-12-08T08:05:00Z", "https://northwind.example/u").out());
    assertThat(tuesday.get("sent").asInt()).isEqualTo(1);
  }

  @Test
  void aLinkNoEmailMayCarryIsAUsageErrorBeforeAnythingIsSent() {
    CliHarness.CliResult bad = tick(MONDAY, "unsubscribe@northwind.example");
    assertThat(bad.exitCode()).as(bad.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("--list-unsubscribe");
    CliHarness.CliResult noSecret =
        CliHarness.run(
            "run",
            "--db",
            db.toString(),
            "--now",
            MONDAY,
            "--smtp",
            "smtp://127.0.0.1:" + mail.getSmtp().getPort(),
            "--from",
            "sales@northwind.example",
            "--list-unsubscribe",
            "https://northwind.example/u/{token}");
    assertThat(noSecret.exitCode()).as(noSecret.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(noSecret.err()).contains("CADENCE_SECRET");
    assertThat(mail.getReceivedMessages()).isEmpty();
  }

  @Test
  void serveAnswersAsAProcessOnThePortItPrints() throws Exception {
    assertThat(tick(MONDAY, "https://northwind.example/unsubscribe/{token}").exitCode()).isZero();
    LiveProcesses.Forked serve =
        LiveProcesses.start(
            dir,
            "serve",
            Map.of("CADENCE_SECRET", SECRET),
            "serve",
            "--db",
            db.toString(),
            "--listen",
            "127.0.0.1:0");
    try {
      String port = null;
      for (int i = 0; i < 300 && port == null; i++) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("listening on http://127\\.0\\.0\\.1:(\\d+)/")
                .matcher(serve.stdout());
        if (m.find()) {
          port = m.group(1);
        } else {
          assertThat(serve.process().isAlive()).as(serve.stderr()).isTrue();
          Thread.sleep(100);
        }
      }
      assertThat(port).as("serve printed its port").isNotNull();
      HttpResponse<String> done =
          post(
              HttpClient.newHttpClient(),
              "http://127.0.0.1:"
                  + port
                  + "/unsubscribe/"
                  + new UnsubscribeTokens(SECRET).token("L-2"));
      assertThat(done.statusCode()).isEqualTo(200);
    } finally {
      serve.kill9();
    }
    try (StateStore store = Stores.open(db)) {
      boolean suppressed =
          store.read(tx -> tx.suppression("L-2", java.util.Optional.empty()).isPresent());
      assertThat(suppressed).isTrue();
    }
  }

  private static HttpResponse<String> post(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
