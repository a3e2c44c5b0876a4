package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.live.LiveFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A missing, foreign, damaged or newer state store is refused (exit 3) and never replaced by a
 * fresh one.
 */
class StoreRefusalTest {
  @TempDir Path dir;

  private CliHarness.CliResult cli(Path db, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--db", db.toString()));
    return CliHarness.run(all.toArray(String[]::new));
  }

  @ParameterizedTest
  @ValueSource(strings = {"run", "status", "tasks", "record", "resolve", "log"})
  void aMissingStoreIsRefusedAndNotCreated(String command) {
    Path db = dir.resolve("nowhere.db");
    String[] args =
        switch (command) {
          case "record" ->
              new String[] {"record", "--lead", "L-1", "--step", "s", "--outcome", "done"};
          case "resolve" ->
              new String[] {"resolve", "--lead", "L-1", "--step", "s", "--as", "sent"};
          case "log" ->
              new String[] {"log", "--rebuild", "--out", dir.resolve("log.csv").toString()};
          default -> new String[] {command};
        };
    var r = cli(db, args);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err())
        .as(r.toString())
        .contains("no state store at " + db, "run `cadence enroll` first");
    assertThat(db).doesNotExist();
    assertThat(dir.resolve("nowhere.db.lock")).doesNotExist();
  }

  @Test
  void aFileThatIsNotSqliteIsRefusedByEveryCommandIncludingEnroll() throws Exception {
    Path db = dir.resolve("junk.db");
    byte[] junk = "id,email\nL-1,a@example.com\n".getBytes();
    Files.write(db, junk);
    Path cadence = LiveFixture.cadence(dir, "c", LiveFixture.EMAILS_ONLY);
    Path leads =
        LiveFixture.leads(
            dir, "leads.csv", List.of("L-1,a@example.com,A,Acme,Europe/Paris,sophie,"));
    for (String[] args :
        List.of(
            new String[] {"run"},
            new String[] {"status"},
            new String[] {"enroll", cadence.toString(), "--leads", leads.toString()})) {
      var r = cli(db, args);
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
      assertThat(r.err())
          .as(r.toString())
          .contains(
              "is not a usable cadence state store (it is not a SQLite database)",
              "refusing to start afresh");
    }
    assertThat(Files.readAllBytes(db)).isEqualTo(junk);
  }

  @Test
  void anEmptyFileIsRefused() throws Exception {
    Path db = dir.resolve("empty.db");
    Files.createFile(db);
    var r = cli(db, "run");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("(it is empty)");
    assertThat(Files.size(db)).isZero();
  }

  @Test
  void anotherApplicationsDatabaseIsRefused() throws Exception {
    Path db = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount INTEGER)");
    }
    var r = cli(db, "status");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("another application's database");
  }

  private Path enrolledStore() throws Exception {
    Path db = dir.resolve("state.db");
    Path cadence = LiveFixture.cadence(dir, "c", LiveFixture.EMAILS_ONLY);
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      rows.add(
          "L-"
              + i
              + ",l"
              + i
              + "@example.com,N"
              + i
              + ",Company number "
              + i
              + ",Europe/Paris,sophie,");
    }
    var r =
        cli(
            db,
            "enroll",
            cadence.toString(),
            "--leads",
            LiveFixture.leads(dir, "leads.csv", rows).toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return db;
  }

  @Test
  void aStoreWrittenByANewerCadenceIsRefused() throws Exception {
    Path db = enrolledStore();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      s.execute("UPDATE schema_version SET version = 99");
    }
    var r = cli(db, "run");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).contains("written by a newer cadence (schema version 99");
  }

  @Test
  void aDamagedStoreIsRefusedNotRebuilt() throws Exception {
    Path db = enrolledStore();
    byte[] bytes = Files.readAllBytes(db);
    assertThat(bytes.length).isGreaterThan(3 * 4096);
    Arrays.fill(
        bytes,
        4096,
        bytes.length,
        (byte) 0x5A); // page 1 (the schema) intact, every table page garbage
    Files.write(db, bytes);
    var r = cli(db, "status");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
    assertThat(r.err()).as(r.toString()).contains("is not a usable cadence state store", "damaged");
    assertThat(Files.readAllBytes(db)).isEqualTo(bytes);
  }
}
