package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.live.LiveFixture;
import dev.cadence.live.ScriptedSender;
import dev.cadence.live.StateStore;
import dev.cadence.store.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * {@code record --csv} is idempotent under re-import and interruption: importing a file once, or
 * importing any prefix of it (an import cut off after that many rows) and then the whole file, and
 * then the whole file again, leaves the same outcome events in the store, with or without a
 * timestamp column, duplicate rows included; the last import records nothing.
 */
class RecordImportProperties {
  static final List<String> OUTCOMES = List.of("opened", "clicked", "replied", "connected");
  static final List<String> TIMES =
      List.of("2026-03-02T11:00:00+01:00", "2026-03-02T12:30:00+01:00", "2026-03-03T10:00:00Z");

  private static Path template;

  /** One row: a lead, an outcome, a timestamp (used when the file has the column). */
  record Row(int lead, String outcome, int time) {
    String csv(boolean timestamps) {
      String step = outcome.equals("connected") ? "call" : "intro";
      String budget = outcome.equals("connected") ? "5k" : "";
      return (timestamps ? TIMES.get(time) + "," : "")
          + "L-"
          + lead
          + ","
          + step
          + ","
          + outcome
          + ","
          + budget;
    }
  }

  @Provide
  Arbitrary<List<Row>> rows() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 3),
            Arbitraries.of(OUTCOMES),
            Arbitraries.integers().between(0, TIMES.size() - 1))
        .as(Row::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(14);
  }

  @Property(tries = 20)
  void aCutOffImportFollowedByWholeOnesRecordsEachRowOnce(
      @ForAll("rows") List<Row> rows, @ForAll boolean timestamps, @ForAll("fractions") double cut)
      throws Exception {
    Path dir = Files.createTempDirectory("cadence-import");
    try {
      int k = (int) Math.floor(cut * (rows.size() + 1));
      k = Math.min(k, rows.size());
      Path whole = csv(dir.resolve("whole.csv"), rows, timestamps);
      Path prefix = csv(dir.resolve("prefix.csv"), rows.subList(0, k), timestamps);

      Path once = store(dir, "once.db");
      record(once, whole, "2026-03-03T12:00:00Z");

      Path cutOff = store(dir, "cut.db");
      record(cutOff, prefix, "2026-03-03T12:00:00Z");
      record(cutOff, whole, "2026-03-04T12:00:00Z");
      CliHarness.CliResult last = record(cutOff, whole, "2026-03-05T12:00:00Z");
      assertThat(last.out()).as(last.toString()).startsWith("recorded 0 outcomes");

      assertThat(events(cutOff, timestamps)).isEqualTo(events(once, timestamps));
    } finally {
      delete(dir);
    }
  }

  @Provide
  Arbitrary<Double> fractions() {
    return Arbitraries.doubles().between(0, 1);
  }

  private static Path csv(Path file, List<Row> rows, boolean timestamps) throws IOException {
    StringBuilder b = new StringBuilder(timestamps ? "timestamp," : "");
    b.append("lead_id,step,outcome,budget\n");
    for (Row r : rows) {
      b.append(r.csv(timestamps)).append('\n');
    }
    return Files.writeString(file, b);
  }

  private static CliHarness.CliResult record(Path db, Path csv, String now) {
    CliHarness.CliResult r =
        CliHarness.run("record", "--db", db.toString(), "--csv", csv.toString(), "--now", now);
    assertThat(r.exitCode()).as(r.toString()).isIn(0, 1);
    return r;
  }

  /**
   * The store's events, as sorted text; without timestamps, when they were recorded is left out.
   */
  private static List<String> events(Path db, boolean timestamps) {
    List<String> all = new ArrayList<>();
    try (StateStore store = Stores.open(db)) {
      store.read(
          tx -> {
            tx.forEachEvent(
                e ->
                    all.add(
                        e.leadId()
                            + " "
                            + e.step()
                            + " "
                            + e.event()
                            + (timestamps || e.event().equals("sent") ? " " + e.at() : "")));
            return null;
          });
    }
    all.sort(Comparator.naturalOrder());
    return all;
  }

  /** A copy of one store where four leads got their intro email on Monday 2 March. */
  private static synchronized Path store(Path dir, String name) throws Exception {
    if (template == null) {
      Path t = Files.createTempDirectory("cadence-import-template");
      Path cadence = LiveFixture.cadence(t, "c", LiveFixture.THREE_STEPS);
      List<String> rows = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        rows.add("L-" + i + ",l" + i + "@example.com,N" + i + ",Co,Europe/Paris,s,");
      }
      Path db = t.resolve("template.db");
      CliHarness.CliResult enrolled =
          CliHarness.run(
              "enroll",
              cadence.toString(),
              "--leads",
              LiveFixture.leads(t, "l.csv", rows).toString(),
              "--db",
              db.toString(),
              "--start",
              "2026-03-02",
              "--now",
              "2026-03-01T12:00:00Z");
      assertThat(enrolled.exitCode()).as(enrolled.toString()).isZero();
      ScriptedSender sender = new ScriptedSender();
      CliHarness.CliResult sent =
          CliHarness.run(
              CommandContext.system().withSenders((s, f, c) -> sender),
              "run",
              "--db",
              db.toString(),
              "--now",
              "2026-03-02T08:05:00Z",
              "--smtp",
              "smtp://127.0.0.1:2525",
              "--from",
              "sales@northwind.example");
      assertThat(sent.exitCode()).as(sent.toString()).isZero();
      assertThat(sender.handed()).hasSize(4);
      template = db;
    }
    Path copy = dir.resolve(name);
    Files.copy(template, copy);
    return copy;
  }

  @AfterContainer
  static void dropTemplate() throws IOException {
    if (template != null) {
      delete(template.getParent());
      template = null;
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
