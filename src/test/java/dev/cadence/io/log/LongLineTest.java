package dev.cadence.io.log;

import static dev.cadence.io.log.OutcomeLogReaderTest.events;
import static dev.cadence.io.log.OutcomeLogReaderTest.findings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.analytics.Issue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A line longer than the most one record may take (1 MiB; 200 bytes here) is one bad line, with its
 * number and the reason, however many chunks it spans; the lines around it are read.
 */
class LongLineTest {
  static final int MAX = 200;
  static final String GOOD = "2026-03-02T09:00:00Z,L1,c,s,email,t,EU,sent\n";

  @TempDir Path dir;

  private static String tooLong(int line) {
    return "bad-row log.csv:"
        + line
        + " the line is longer than "
        + MAX
        + " bytes, the most one event may take; it was not read";
  }

  private static OutcomeLogReader.Result read(Path f, int chunk) {
    return new OutcomeLogReader(Map.of(), 3, chunk, MAX).read(List.of(f));
  }

  @Test
  void aLongLineIsOneBadLineWithItsNumberWhateverTheChunks() throws IOException {
    Path f =
        Files.writeString(
            dir.resolve("log.csv"),
            OutcomeLogReaderTest.HEADER
                + GOOD
                + "2026-03-02T09:00:00Z,L2,c,s,email,t,EU,sent"
                + "x".repeat(5_000)
                + "\n"
                + GOOD.replace("L1", "L3")
                + "y".repeat(3_000)); // and one at the end, without a line feed
    for (int chunk : new int[] {64, 100, 333, 1 << 20}) {
      OutcomeLogReader.Result r = read(f, chunk);

      assertThat(findings(r)).as("chunk " + chunk).containsExactly(tooLong(3), tooLong(5));
      assertThat(r.quality().total(Issue.BAD_ROW)).as("chunk " + chunk).isEqualTo(2);
      assertThat(r.files().get(0).records()).as("chunk " + chunk).isEqualTo(4);
      assertThat(events(r.events()))
          .as("chunk " + chunk)
          .hasSize(2)
          .satisfies(e -> assertThat(e.get(0)).endsWith("line2"))
          .satisfies(e -> assertThat(e.get(1)).endsWith("line4"));
    }
  }

  @Test
  void aQuoteThatNeverClosesIsStillNamedAsTheLikelyCause() throws IOException {
    Path f =
        Files.writeString(
            dir.resolve("log.csv"),
            OutcomeLogReaderTest.HEADER
                + "2026-03-02T09:00:00Z,L2,c,s,email,\"t\n"
                + "z\n".repeat(150)
                + GOOD);
    assertThat(findings(read(f, 1 << 20)))
        .first() // then the lines the quote swallowed, each on its own
        .isEqualTo(
            "bad-row log.csv:2 a record longer than 200 bytes (a quote that is never closed?)");
  }

  @Test
  void aFirstLineTooLongForAHeaderSaysSo() throws IOException {
    Path f = Files.writeString(dir.resolve("log.csv"), "h".repeat(1_000) + "\n" + GOOD);
    assertThat(read(f, 64).problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .startsWith(f + ":1: the first line is longer than 200 bytes"));
  }
}
