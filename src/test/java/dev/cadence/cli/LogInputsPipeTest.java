package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * analyze and recommend read a log from standard input ({@code -}) and from a pipe ({@code analyze
 * <(zcat log.csv.gz)}), which said "empty file" when the reader took the pipe's size (0) for the
 * log's.
 */
class LogInputsPipeTest {
  private static final Path LOG = Path.of("samples/outcome-log.csv");

  @TempDir Path dir;

  private static CommandContext stdin(Path file) throws IOException {
    return CommandContext.system().withStdin(new ByteArrayInputStream(Files.readAllBytes(file)));
  }

  private static JsonNode json(CliHarness.CliResult r) throws IOException {
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void analyzeReadsStandardInputAsTheFileItself() throws Exception {
    JsonNode fromFile = json(CliHarness.run("analyze", LOG.toString(), "--format", "json"));
    JsonNode fromStdin = json(CliHarness.run(stdin(LOG), "analyze", "-", "--format", "json"));

    assertThat(fromStdin.get("open_rate_by_region")).isEqualTo(fromFile.get("open_rate_by_region"));
    assertThat(fromStdin.get("response_rate_by_gap"))
        .isEqualTo(fromFile.get("response_rate_by_gap"));
    assertThat(fromStdin.toString()).contains("\"-\"").doesNotContain("cadence-input-");
  }

  @Test
  void analyzeReadsAPipe() throws Exception {
    Path fifo = dir.resolve("log.fifo");
    assumeTrue(LeadInputsTest.mkfifo(fifo), "mkfifo is not available");
    CompletableFuture<Void> writer = feed(fifo, Files.readAllBytes(LOG));

    CliHarness.CliResult r = CliHarness.run("analyze", fifo.toString());

    writer.get(30, TimeUnit.SECONDS);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("239 events from 239 lines in 1 file: 121 touches of 19 leads");
  }

  @Test
  void recommendReadsStandardInputAndItMayBeGivenOnce() throws Exception {
    CliHarness.CliResult r = CliHarness.run(stdin(LOG), "recommend", "-", "--format", "json");
    CliHarness.CliResult twice = CliHarness.run(stdin(LOG), "analyze", "-", "-");

    assertThat(json(r).toString()).contains("recommendations");
    assertThat(twice.exitCode()).as(twice.toString()).isEqualTo(2);
    assertThat(twice.err()).contains("may be given once");
  }

  @Test
  void aLogWithABadLineFromStandardInputIsNamedDash() throws Exception {
    CliHarness.CliResult r =
        CliHarness.run(
            CommandContext.system()
                .withStdin(
                    new ByteArrayInputStream(
                        (dev.cadence.io.log.OutcomeLog.HEADER
                                + "\nnot-a-time,L1,c,s,email,t,r,sent\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))),
            "analyze",
            "-");

    assertThat(r.err()).as(r.toString()).startsWith("-:2: warning[");
  }

  static CompletableFuture<Void> feed(Path fifo, byte[] bytes) {
    return CompletableFuture.runAsync(
        () -> {
          try (OutputStream out = Files.newOutputStream(fifo)) {
            out.write(bytes);
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }
}
