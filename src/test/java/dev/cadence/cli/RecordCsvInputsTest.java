package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cadence.live.LiveFixture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code record --csv -} and {@code record --csv <(...)}: outcomes piped in from a CRM export. */
class RecordCsvInputsTest {
  private static final String ROWS =
      "lead_id,step,outcome\nL-1,call,connected\nL-9,call,connected\n";

  @TempDir Path dir;
  private Path db;

  @BeforeEach
  void setUp() throws Exception {
    db = dir.resolve("c.db");
    Path cadence =
        LiveFixture.cadence(
            dir,
            "c",
            """
            cadence: calls
            steps:
              - id: call
                day: 1
                channel: call
            """);
    Path leads =
        LiveFixture.leads(dir, "leads.csv", List.of("L-1,ana@example.com,Ana,Acme,,sophie,"));
    CliHarness.CliResult enroll =
        CliHarness.run(
            "enroll", cadence.toString(), "--leads", leads.toString(), "--db", db.toString());
    assertThat(enroll.exitCode()).as(enroll.toString()).isZero();
  }

  @Test
  void aDashReadsTheCsvFromStandardInput() {
    CliHarness.CliResult r =
        CliHarness.run(
            CommandContext.system()
                .withStdin(new ByteArrayInputStream(ROWS.getBytes(StandardCharsets.UTF_8))),
            "record",
            "--csv",
            "-",
            "--db",
            db.toString());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("recorded 1 outcome, refused 1\n");
    assertThat(r.err()).startsWith("-:3: refused: ");
  }

  @Test
  void aPipeIsReadLikeAFile() throws Exception {
    Path fifo = dir.resolve("rows.fifo");
    assumeTrue(LeadInputsTest.mkfifo(fifo), "mkfifo is not available");
    var writer = LogInputsPipeTest.feed(fifo, ROWS.getBytes(StandardCharsets.UTF_8));

    CliHarness.CliResult r =
        CliHarness.run("record", "--csv", fifo.toString(), "--db", db.toString());

    writer.get(30, TimeUnit.SECONDS);
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("recorded 1 outcome, refused 1\n");
    assertThat(r.err()).startsWith(fifo + ":3: refused: ");
  }
}
