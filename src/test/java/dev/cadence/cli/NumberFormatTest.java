package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.live.LiveFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One number format in every summary: 1,200 leads, as analyze and recommend already wrote. */
class NumberFormatTest {
  @TempDir Path dir;

  @Test
  void enrollSimulateStatusAndLogGroupThousands() throws Exception {
    Path cadence = LiveFixture.cadence(dir, "c", LiveFixture.EMAILS_ONLY);
    List<String> rows = new ArrayList<>();
    for (int i = 1; i <= 1_200; i++) {
      rows.add("L-" + i + ",l" + i + "@example.com,Lee,Co,Europe/Paris,,");
    }
    rows.add("L-1,dup@example.com,Dup,Co,Europe/Paris,,");
    Path leads = LiveFixture.leads(dir, "leads.csv", rows);
    String db = dir.resolve("c.db").toString();
    String rejects = dir.resolve("r.csv").toString();

    CliHarness.CliResult enroll =
        CliHarness.run(
            "enroll",
            cadence.toString(),
            "--leads",
            leads.toString(),
            "--db",
            db,
            "--rejects",
            rejects,
            "--now",
            "2026-03-01T12:00:00Z");
    CliHarness.CliResult simulate =
        CliHarness.run(
            "simulate",
            cadence.toString(),
            "--leads",
            leads.toString(),
            "--out",
            dir.resolve("log.csv").toString(),
            "--rejects",
            rejects,
            "--start",
            "2026-03-02");
    CliHarness.CliResult status = CliHarness.run("status", "--db", db);

    assertThat(enroll.out()).as(enroll.toString()).startsWith("enrolled 1,200 leads in ");
    assertThat(enroll.err())
        .as(enroll.toString())
        .endsWith("1 of 1,201 rows rejected; written to " + rejects + "\n");
    assertThat(simulate.out()).as(simulate.toString()).startsWith("simulated 1,200 leads ");
    assertThat(simulate.out()).contains("emails-only: 1,200 enrollments");
    assertThat(status.out()).as(status.toString()).contains("enrollments 1,200, active 1,200");
    assertThat(Files.exists(dir.resolve("log.csv"))).isTrue();
  }
}
