package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.live.LiveFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * No command writes its output over the state store or one of its files, however the path is
 * spelled: the command is refused as a usage error before it does anything, and the store is
 * unchanged.
 */
class StoreOutputsTest {
  @TempDir Path dir;
  Path db;
  Path cadence;
  Path leads;

  @BeforeEach
  void enrolled() throws Exception {
    db = dir.resolve("s.db");
    cadence = LiveFixture.cadence(dir, "c", LiveFixture.EMAILS_ONLY);
    leads =
        LiveFixture.leads(
            dir, "leads.csv", List.of("L-1,ana@example.com,Ana,Acme,Europe/Paris,sophie,"));
    var r =
        CliHarness.run(
            "enroll",
            cadence.toString(),
            "--leads",
            leads.toString(),
            "--db",
            db.toString(),
            "--now",
            "2026-03-01T12:00:00Z");
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  /** How the store (or one of its files) is spelled on the command line. */
  static Stream<Arguments> spellings() {
    List<Function<StoreOutputsTest, String>> ways =
        List.of(
            t -> t.db.toString(),
            t -> t.dir + "/./sub/../s.db",
            t -> Path.of("").toAbsolutePath().relativize(t.db).toString(),
            t -> t.link("link.csv", t.db),
            t -> t.hardLink(),
            t -> t.db + "-wal",
            t -> t.db + "-shm",
            t -> t.db + ".lock",
            t -> t.link("wal-link.csv", Path.of(t.db + "-wal")));
    List<String> names =
        List.of(
            "as given",
            "through ./ and ..",
            "relative",
            "a symbolic link",
            "a hard link",
            "-wal",
            "-shm",
            ".lock",
            "a dangling link to -wal");
    List<Arguments> all = new ArrayList<>();
    for (String command :
        List.of("log", "run", "record", "resolve", "enroll", "simulate", "analyze")) {
      for (int i = 0; i < ways.size(); i++) {
        all.add(Arguments.of(command, names.get(i), ways.get(i)));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} over the store spelled {1}")
  @MethodSource("spellings")
  void anOutputThatIsTheStoreIsAUsageErrorAndTheStoreIsUntouched(
      String command, String spelling, Function<StoreOutputsTest, String> way) throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    byte[] before = Files.readAllBytes(db);
    String out = way.apply(this);
    String dbArg = db.toString();
    String[] args =
        switch (command) {
          case "log" -> new String[] {"log", "--rebuild", "--db", dbArg, "--out", out};
          case "run" -> new String[] {"run", "--db", dbArg, "--log", out};
          case "record" ->
              new String[] {
                "record", "--db", dbArg, "--lead", "L-1", "--step", "intro", "--log", out
              };
          case "resolve" ->
              new String[] {
                "resolve", "--db", dbArg, "--lead", "L-1", "--step", "intro", "--as", "sent",
                "--log", out
              };
          case "enroll" ->
              new String[] {
                "enroll",
                cadence.toString(),
                "--leads",
                leads.toString(),
                "--db",
                dbArg,
                "--rejects",
                out
              };
          case "simulate" ->
              new String[] {
                "simulate", cadence.toString(), "--leads", leads.toString(), "--out", out
              };
          default ->
              new String[] {
                "analyze", "src/test/resources/golden/analyze/small/log.csv", "--out", out
              };
        };
    var r = CliHarness.run(args);
    boolean storeAwareOnly =
        (command.equals("simulate") || command.equals("analyze"))
            && (out.endsWith("-wal")
                || out.endsWith("-shm")
                || out.endsWith(".lock")
                || out.endsWith("wal-link.csv"));
    if (storeAwareOnly) {
      // Without --db, a command knows a store only by its content: the files SQLite makes while
      // it has the store open (and the lock) are not there now, so there is nothing to protect.
      assertThat(Files.readAllBytes(db)).isEqualTo(before);
      return;
    }
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .as(r.toString())
        .startsWith("error: ")
        .contains(" would write over ")
        .contains("choose another file");
    assertThat(r.err().lines().count()).as(r.toString()).isEqualTo(1);
    assertThat(Files.readAllBytes(db)).isEqualTo(before);
    var status = CliHarness.run("status", "--db", dbArg);
    assertThat(status.exitCode()).as(status.toString()).isZero();
  }

  private String link(String name, Path target) {
    try {
      Path link = dir.resolve(name);
      Files.deleteIfExists(link);
      return Files.createSymbolicLink(link, target).toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String hardLink() {
    try {
      Path link = dir.resolve("hard.csv");
      Files.deleteIfExists(link);
      return Files.createLink(link, db).toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
