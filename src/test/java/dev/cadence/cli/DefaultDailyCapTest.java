package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.live.LiveFixture;
import dev.cadence.live.ScriptedSender;
import dev.cadence.live.TickOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} without {@code --daily-cap} sends at most the default per sender and UTC day, says so
 * once when it defers emails, and {@code --daily-cap} overrides it either way.
 */
class DefaultDailyCapTest {
  @TempDir Path dir;

  @Test
  void withoutDailyCapAFloodOfDueEmailsIsHeldToTheDefault() throws Exception {
    int leads = TickOptions.DEFAULT_DAILY_CAP + 50;
    Path db = dir.resolve("c.db");
    Path cadence = LiveFixture.cadence(dir, "c", LiveFixture.EMAILS_ONLY);
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < leads; i++) {
      rows.add("L-" + i + ",l" + i + "@example.com,N" + i + ",Co,Europe/Paris,s,");
    }
    ScriptedSender sender = new ScriptedSender();
    CommandContext context = CommandContext.system().withSenders((s, f, c) -> sender);
    var enrolled =
        CliHarness.run(
            context,
            "enroll",
            cadence.toString(),
            "--leads",
            LiveFixture.leads(dir, "l.csv", rows).toString(),
            "--db",
            db.toString(),
            "--start",
            "2026-03-02",
            "--now",
            "2026-03-01T12:00:00Z");
    assertThat(enrolled.exitCode()).as(enrolled.toString()).isZero();

    var first = tick(context, db, "2026-03-02T08:05:00Z");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(sender.handed()).hasSize(TickOptions.DEFAULT_DAILY_CAP);
    assertThat(first.err())
        .as(first.toString())
        .contains(
            "warning: the default daily cap of " + TickOptions.DEFAULT_DAILY_CAP,
            "50 due email(s) wait for tomorrow",
            "--daily-cap N");

    var second = tick(context, db, "2026-03-02T08:10:00Z");
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.err()).as("said once, not at every tick").isEmpty();
    assertThat(sender.handed()).hasSize(TickOptions.DEFAULT_DAILY_CAP);

    var raised = tick(context, db, "2026-03-02T08:15:00Z", "--daily-cap", "1000");
    assertThat(raised.exitCode()).as(raised.toString()).isZero();
    assertThat(raised.err()).isEmpty();
    assertThat(sender.handed()).hasSize(leads);
  }

  private static CliHarness.CliResult tick(
      CommandContext context, Path db, String now, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                "--db",
                db.toString(),
                "--now",
                now,
                "--smtp",
                "smtp://127.0.0.1:2525",
                "--from",
                "sales@northwind.example",
                "-q"));
    args.addAll(List.of(more));
    return CliHarness.run(context, args.toArray(String[]::new));
  }
}
