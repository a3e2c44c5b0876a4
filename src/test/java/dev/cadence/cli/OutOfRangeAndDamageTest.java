package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.live.LiveFixture;
import dev.cadence.live.ScriptedSender;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An instant the tool cannot compute with is a usage error that names the range; a store row that
 * no cadence could have written says the store is damaged and which row.
 */
class OutOfRangeAndDamageTest {
  @TempDir Path dir;
  private final ScriptedSender sender = new ScriptedSender();
  private final CommandContext context =
      CommandContext.system().withSenders((smtp, from, clock) -> sender);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "+999999999-12-31T23:59:59Z",
        "-999999999-01-01T00:00:00Z",
        "1969-12-31T23:59:59Z"
      })
  void anInstantOutsideTheSupportedRangeIsAUsageError(String now) throws Exception {
    Path cadence = LiveFixture.cadence(dir, "c", LiveFixture.EMAILS_ONLY);
    Path leads =
        LiveFixture.leads(dir, "leads.csv", List.of("L-1,ana@example.com,Ana,Acme,,sophie,"));
    for (String[] args :
        List.of(
            new String[] {"plan", cadence.toString(), "--leads", leads.toString(), "--now", now},
            new String[] {"run", "--db", dir.resolve("c.db").toString(), "--now", now})) {
      var r = CliHarness.run(context, args);
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
      assertThat(r.err())
          .as(r.toString())
          .contains("--now `" + now + "` is outside the supported range")
          .contains("1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z")
          .doesNotContain("overflow", "Exception");
    }
  }

  @Test
  void theLastSupportedInstantRunsATick() throws Exception {
    Path db = enrollOne();
    var r = tick(db, "9999-12-31T23:59:59Z");
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  @Test
  void aStartDayOutsideTheRangeIsAUsageError() throws Exception {
    Path cadence = LiveFixture.cadence(dir, "c", LiveFixture.EMAILS_ONLY);
    Path leads =
        LiveFixture.leads(dir, "leads.csv", List.of("L-1,ana@example.com,Ana,Acme,,sophie,"));
    var r =
        CliHarness.run(
            context,
            "plan",
            cadence.toString(),
            "--leads",
            leads.toString(),
            "--start",
            "+999999999-12-31");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).as(r.toString()).contains("is outside the supported range");
  }

  @Test
  void aSendStateNoCadenceWritesSaysTheStoreIsDamagedAndWhere() throws Exception {
    Path db = enrollOne();
    var first = tick(db, "2026-03-02T08:05:00Z");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    sql(db, "UPDATE sends SET state = 'BOGUS'");
    var r = tick(db, "2026-03-03T08:05:00Z");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err())
        .as(r.toString())
        .contains("is damaged", "send 1 (lead L-1, cadence emails-only, step intro)", "`BOGUS`")
        .doesNotContain("No enum constant", "the cadence changed");
  }

  @Test
  void anEnrollmentRowThatCannotBeReadSaysWhichOne() throws Exception {
    Path db = enrollOne();
    sql(db, "UPDATE enrollments SET state = '{\"v\": 1, \"zone\": \"Nowhere/Atlantis\"}'");
    var r = tick(db, "2026-03-02T08:05:00Z");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err())
        .as(r.toString())
        .contains("is damaged", "enrollment 1 (lead L-1, cadence emails-only)");
  }

  private Path enrollOne() throws Exception {
    Path db = dir.resolve("c.db");
    Path cadence = LiveFixture.cadence(dir, "c", LiveFixture.EMAILS_ONLY);
    Path leads =
        LiveFixture.leads(
            dir, "leads.csv", List.of("L-1,ana@example.com,Ana,Acme,Europe/Paris,sophie,"));
    var r =
        CliHarness.run(
            context,
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
    return db;
  }

  private CliHarness.CliResult tick(Path db, String now) {
    return CliHarness.run(
        context,
        "run",
        "--db",
        db.toString(),
        "--now",
        now,
        "--smtp",
        "smtp://localhost:2525",
        "--from",
        "sales@northwind.example");
  }

  static void sql(Path db, String statement) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
