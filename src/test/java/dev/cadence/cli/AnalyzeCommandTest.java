package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.cli.CliHarness.CliResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cadence analyze}: exit codes, messages on stderr, options. Outputs are in
 * AnalyzeGoldenTest.
 */
class AnalyzeCommandTest {
  static final String SMALL = "src/test/resources/golden/analyze/small/log.csv";
  static final String HEADER = "timestamp,lead_id,cadence,step,channel,template,region,event\n";

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  @Test
  void findingsGoToStderrOneLineEachWithFileAndLineAndTheExitIsZero() {
    CliResult r = CliHarness.run("analyze", SMALL, "--format", "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .as(r.toString())
        .isEqualTo(
            """
        %1$s:25: warning[bad-timestamp]: `2026-03-0X` is not an ISO-8601 timestamp with an offset (e.g. 2026-03-02T09:00:00+01:00) (1 line not counted)
        %1$s:26: warning[unknown-event]: `read` (1 line not counted)
        %1$s:23: warning[response-without-touch]: no `ghost` touch of this lead in this cadence (1 line not counted)
        %1$s:20: warning[response-before-touch]: counted on the touch at line 18 (1 line counted)
        %1$s:19: warning[duplicate-touch]: same lead, cadence, step and instant as line 18 (1 line counted once)
        """
                .formatted(SMALL));
  }

  @Test
  void strictTurnsUncountedLinesIntoExitOne() {
    CliResult r = CliHarness.run("analyze", SMALL, "--strict", "--quiet");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).as(r.toString()).contains("Open rate by region");
  }

  @Test
  void oneBadTimestampAmongManyLinesIsOneLineOnStderr() throws IOException {
    StringBuilder log = new StringBuilder(HEADER);
    for (int i = 0; i < 20_000; i++) {
      log.append(i == 12_345 ? "2026-03-02T9:00:00Z" : "2026-03-02T09:00:00Z")
          .append(",L")
          .append(i)
          .append(",c,s,email,t,EU,sent\n");
    }
    Path f = file("big.csv", log.toString());
    CliResult r = CliHarness.run("analyze", f.toString(), "--format", "json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err())
        .as(r.toString())
        .isEqualTo(
            f
                + ":12347: warning[bad-timestamp]: `2026-03-02T9:00:00Z` is not an"
                + " ISO-8601 timestamp with an offset (e.g. 2026-03-02T09:00:00+01:00) (1 line not counted)\n");
    assertThat(r.out()).contains("\"sent\" : 19999");
  }

  @Test
  void aMissingRequiredColumnIsExitOneWithADidYouMeanAndTheOtherLogsStillCount()
      throws IOException {
    Path bad =
        file(
            "export.csv",
            "timestamp,lead,cadence,step,channel,event\n2026-03-02T09:00:00Z,L1,c,s,email,sent\n");
    CliResult r =
        CliHarness.run(
            "analyze", bad.toString(), SMALL, "--format", "csv", "--table", "open_rate_by_region");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err())
        .as(r.toString())
        .startsWith(
            "error: "
                + bad
                + ":1: no `lead_id` column; did you mean `lead`?"
                + " (or --map lead_id=lead) (header: timestamp,lead,cadence,step,channel,event)\n");
    assertThat(r.out()).as(r.toString()).contains("EMEA-FR,4,0,4,2,");
    CliResult mapped =
        CliHarness.run(
            "analyze",
            bad.toString(),
            "--map",
            "lead_id=lead",
            "--format",
            "csv",
            "--table",
            "open_rate_by_region");
    assertThat(mapped.exitCode()).as(mapped.toString()).isZero();
    assertThat(mapped.out())
        .isEqualTo(
            "region,sent,bounced,delivered,opened,open_rate,ci_low,ci_high\n,1,0,1,0,0,0,0.793451\n");
  }

  @Test
  void emptyAndHeaderOnlyLogsAreExitOne() throws IOException {
    CliResult empty = CliHarness.run("analyze", file("empty.csv", "").toString());
    assertThat(empty.exitCode()).as(empty.toString()).isEqualTo(1);
    assertThat(empty.err())
        .as(empty.toString())
        .contains("empty.csv: empty file (an outcome log starts with a header line:");
    CliResult header =
        CliHarness.run("analyze", file("header.csv", HEADER).toString(), "--format", "json");
    assertThat(header.exitCode()).as(header.toString()).isEqualTo(1);
    assertThat(header.err())
        .as(header.toString())
        .isEqualTo(
            "error: no events to analyse in " + dir.resolve("header.csv") + " (only a header?)\n");
    assertThat(header.out()).contains("\"open_rate_by_region\" : [ ]", "\"recommendations\" : [ ]");
  }

  @Test
  void aLogOfOneLineTooLongToReadSaysSoWithTheLineNumber() throws IOException {
    // 2 MiB: twice the most one line may take (the chunked case is LongLineTest's, in little).
    Path log = file("long.csv", HEADER + "2026-03-02T09:00:00Z,L1," + "x".repeat(2 << 20) + "\n");
    String why =
        log
            + ":2: the line is longer than 1048576 bytes, the most one event may take; it was not"
            + " read";

    CliResult analyzed = CliHarness.run("analyze", log.toString());
    assertThat(analyzed.exitCode()).as(analyzed.toString()).isEqualTo(1);
    assertThat(analyzed.err())
        .as(analyzed.toString())
        .contains(why.replace(":2: ", ":2: warning[bad-row]: ") + " (1 line not counted)")
        .endsWith(
            "error: no events to analyse in "
                + log
                + ": its one line was not counted ("
                + why
                + ")\n")
        .doesNotContain("only a header");

    CliResult recommended = CliHarness.run("recommend", log.toString());
    assertThat(recommended.exitCode()).as(recommended.toString()).isEqualTo(1);
    assertThat(recommended.err())
        .as(recommended.toString())
        .isEqualTo("error: no events in " + log + ": its one line was not counted (" + why + ")\n");
  }

  @Test
  void usageErrorsAreExitTwo() {
    CliResult missing = CliHarness.run("analyze", "no-such.csv");
    assertThat(missing.exitCode()).as(missing.toString()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("error: no such log file: no-such.csv\n");
    CliResult csv = CliHarness.run("analyze", SMALL, "--format", "csv");
    assertThat(csv.exitCode()).as(csv.toString()).isEqualTo(2);
    assertThat(csv.err()).contains("--format csv writes one table: choose it with --table");
    CliResult table = CliHarness.run("analyze", SMALL, "--table", "open_rate_by_regoin");
    assertThat(table.exitCode()).as(table.toString()).isEqualTo(2);
    assertThat(table.err()).contains("did you mean `open_rate_by_region`?");
    CliResult where = CliHarness.run("analyze", SMALL, "--where", "cadense=outbound");
    assertThat(where.exitCode()).as(where.toString()).isEqualTo(2);
    assertThat(where.err()).contains("did you mean `cadence`?");
    CliResult map = CliHarness.run("analyze", SMALL, "--map", "nope");
    assertThat(map.exitCode()).as(map.toString()).isEqualTo(2);
    CliResult format = CliHarness.run("analyze", SMALL, "--format", "pdf");
    assertThat(format.exitCode()).as(format.toString()).isEqualTo(2);
  }

  @Test
  void whereFiltersAndOutWritesTheReportToAFile() throws IOException {
    Path out = dir.resolve("funnel.csv");
    CliResult r =
        CliHarness.run(
            "analyze",
            SMALL,
            "--where",
            "channel=call",
            "--format",
            "csv",
            "--table",
            "funnel",
            "--out",
            out.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out))
        .isEqualTo(
            """
        cadence,step,channel,mean_position,touches,responses,response_rate,ci_low,ci_high,exits
        outbound,check-call,call,2.25,4,1,0.25,0.045587,0.699358,0
        """);
    CliResult self = CliHarness.run("analyze", SMALL, "--out", SMALL);
    assertThat(self.exitCode()).as(self.toString()).isEqualTo(2);
  }

  @Test
  void helpPrintsCleanly() {
    CliResult r = CliHarness.run("analyze", "--help");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).as(r.toString()).isEmpty();
    assertThat(r.out()).contains("95% Wilson interval", "--where", "Exit codes:");
  }
}
