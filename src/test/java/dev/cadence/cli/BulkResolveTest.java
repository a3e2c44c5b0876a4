package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.live.OutgoingEmail;
import dev.cadence.live.ScriptedSender;
import dev.cadence.live.SendResult;
import dev.cadence.live.SendState;
import dev.cadence.live.StateStore;
import dev.cadence.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that drops every connection after the message body: the tick stops after a few sends in
 * doubt (exit 3), and one {@code resolve} settles them all, after a dry run that changes nothing.
 */
class BulkResolveTest {
  @TempDir Path dir;
  Path db;
  final ScriptedSender sender = new ScriptedSender();
  final CommandContext context = CommandContext.system().withSenders((s, f, c) -> sender);

  @BeforeEach
  void enrolled() throws Exception {
    db = dir.resolve("c.db");
    EnrolledStore.emailsOnly(dir, db, 50);
  }

  private CliHarness.CliResult tick(String now) {
    return CliHarness.run(
        context,
        "run",
        "--db",
        db.toString(),
        "--now",
        now,
        "--smtp",
        "smtp://127.0.0.1:2525",
        "--from",
        "sales@northwind.example",
        "-q");
  }

  private CliHarness.CliResult resolve(String... more) {
    List<String> args = new ArrayList<>(List.of("resolve", "--db", db.toString()));
    args.addAll(List.of(more));
    return CliHarness.run(context, args.toArray(String[]::new));
  }

  private int inDoubt() {
    try (StateStore store = Stores.open(db)) {
      return store.read(tx -> tx.sendsIn(EnumSet.of(SendState.IN_DOUBT))).size();
    }
  }

  @Test
  void aDroppingServerCostsAFewDoubtsWhichOneResolveSettles() throws Exception {
    sender.script(e -> new SendResult.InDoubt("no reply after the message body (dropped)"));
    var first = tick("2026-03-02T08:05:00Z");
    assertThat(first.exitCode()).as(first.toString()).isEqualTo(3);
    assertThat(first.err()).as(first.toString()).contains("warning: stopped sending: 3 sends");
    assertThat(sender.handed()).hasSize(3);
    assertThat(inDoubt()).isEqualTo(3);

    byte[] before = Files.readAllBytes(db);
    var dry = resolve("--all-in-doubt", "--as", "not-sent", "--dry-run");
    assertThat(dry.exitCode()).as(dry.toString()).isZero();
    assertThat(dry.out())
        .as(dry.toString())
        .contains("would settle: emails-only lead L-", "would settle 3 sends as not sent")
        .contains("nothing changed (dry run)");
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
    assertThat(inDoubt()).isEqualTo(3);

    var settled = resolve("--all-in-doubt", "--as", "not-sent", "--now", "2026-03-02T08:07:00Z");
    assertThat(settled.exitCode()).as(settled.toString()).isZero();
    assertThat(settled.out()).contains("settled 3 sends as not sent");
    assertThat(inDoubt()).isZero();

    sender.script(e -> new SendResult.Sent("250 OK"));
    var again = tick("2026-03-02T08:10:00Z");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    List<String> to = sender.handed().stream().map(OutgoingEmail::to).toList();
    assertThat(to).hasSize(53);
    assertThat(to.stream().distinct()).hasSize(50);
  }

  @Test
  void filtersNarrowTheSettledSendsAndAsSentLogsThem() throws Exception {
    sender.script(e -> new SendResult.InDoubt("no reply"));
    tick("2026-03-02T08:05:00Z");
    tick("2026-03-02T09:05:00Z");
    assertThat(inDoubt()).isEqualTo(6);

    var none = resolve("--cadence", "no-such-cadence", "--as", "sent");
    assertThat(none.exitCode()).as(none.toString()).isZero();
    assertThat(none.out()).contains("no in-doubt send matches; nothing settled");

    var early =
        resolve("--until", "2026-03-02T09:00:00Z", "--as", "sent", "--log", dir + "/log.csv");
    assertThat(early.exitCode()).as(early.toString()).isZero();
    assertThat(early.out()).contains("settled 3 sends as sent");
    assertThat(Files.readString(dir.resolve("log.csv")).lines().filter(l -> l.endsWith(",sent")))
        .hasSize(3);
    assertThat(inDoubt()).isEqualTo(3);

    var rest = resolve("--step", "intro", "--since", "2026-03-02T10:05:00+01:00", "--as", "sent");
    assertThat(rest.out()).as(rest.toString()).contains("settled 3 sends as sent");
    assertThat(inDoubt()).isZero();
  }

  @Test
  void bulkNeedsASelectionAndFailedGoesWithNotSent() {
    var bare = resolve("--as", "sent");
    assertThat(bare.exitCode()).as(bare.toString()).isEqualTo(2);
    assertThat(bare.err()).contains("--all-in-doubt");
    var failedSent = resolve("--failed", "--as", "sent");
    assertThat(failedSent.exitCode()).as(failedSent.toString()).isEqualTo(2);
  }
}
