package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
    ScriptedSender sender = new ScriptedSender();
    CommandContext context = CommandContext.system().withSenders((s, f, c) -> sender);
    EnrolledStore.emailsOnly(dir, db, leads);

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
