package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.live.LiveFixture;
import dev.cadence.live.ScriptedSender;
import dev.cadence.live.SendState;
import dev.cadence.live.StateStore;
import dev.cadence.store.Stores;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A wrong --from or --smtp is the operator's mistake: a usage error found before anything is
 * claimed, never a failure recorded against the leads; fixed, the next tick sends everything.
 */
class RunConfigurationTest {
  static final String DUE = "2026-03-02T08:05:00Z"; // Monday 09:05 in Paris

  @TempDir Path dir;
  Path db;
  final ScriptedSender sender = new ScriptedSender();
  final CommandContext scripted =
      CommandContext.system().withSenders((smtp, from, clock) -> sender);

  @BeforeEach
  void enrolled() throws Exception {
    db = dir.resolve("c.db");
    EnrolledStore.enroll(
        dir, LiveFixture.cadence(dir, "c", LiveFixture.EMAILS_ONLY), db, 5, "sophie");
  }

  private CliHarness.CliResult run(CommandContext context, String smtp, String from) {
    return CliHarness.run(
        context, "run", "--db", db.toString(), "--now", DUE, "--smtp", smtp, "--from", from, "-q");
  }

  private int sendRows() {
    try (StateStore store = Stores.open(db)) {
      return store.read(tx -> tx.sendsIn(EnumSet.allOf(SendState.class))).size();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sales Team sales@acme.example",
        "sales@acme.example, eve@example.net",
        "sales",
        "sales@acme.example\nBcc: eve@example.net"
      })
  void aMalformedFromIsAUsageErrorBeforeAnythingIsClaimed(String from) {
    var r = run(scripted, "smtp://127.0.0.1:2525", from);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).as(r.toString()).startsWith("error: --from: the sender `");
    assertThat(r.err().lines().count()).as(r.toString()).isEqualTo(1);
    assertThat(sender.handed()).isEmpty();
    assertThat(sendRows()).isZero();

    var fixed = run(scripted, "smtp://127.0.0.1:2525", "\"Sales Team\" <sales@acme.example>");
    assertThat(fixed.exitCode()).as(fixed.toString()).isZero();
    assertThat(sender.handed()).hasSize(5);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "smtp://127.0.0.1:notaport",
        "smtps://127.0.0.1:465?starttls=true",
        "http://127.0.0.1:25",
        "smtp://user@127.0.0.1:25",
        "smtp://127.0.0.1:2525?trust=/no/such/ca.pem",
        "smtp://127.0.0.1:2525?timeout=soon"
      })
  void aMalformedSmtpUrlIsAUsageErrorBeforeAnythingIsClaimed(String url) {
    var r = run(CommandContext.system(), url, "sales@acme.example");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).as(r.toString()).startsWith("error: --smtp: ");
    assertThat(sendRows()).isZero();
  }

  @Test
  void aMalformedFromIsAUsageErrorEvenWhenNothingIsDue() {
    var r =
        CliHarness.run(
            scripted,
            "run",
            "--db",
            db.toString(),
            "--now",
            "2026-03-01T13:00:00Z",
            "--smtp",
            "smtp://127.0.0.1:2525",
            "--from",
            "Sales Team sales@acme.example");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
  }
}
