package dev.cadence.io.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.analytics.Issue;
import dev.cadence.model.Channel;
import dev.cadence.model.OutcomeEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends start on a line boundary, whatever a cut-off write (a full disk, a kill) left. */
class OutcomeLogAppenderTest {
  static final String HEADER = OutcomeLog.HEADER + "\n";
  static final String FIRST = "2026-03-02T08:00:00Z,L1,c,intro,email,intro,,sent\n";

  @TempDir Path dir;

  private static OutcomeEvent sent(String lead) {
    return new OutcomeEvent(
        Instant.parse("2026-03-02T09:00:00Z"),
        ZoneOffset.UTC,
        lead,
        "c",
        "intro",
        Channel.EMAIL,
        "intro",
        "",
        "sent");
  }

  private Path appendTo(String existing, String lead) throws IOException {
    Path log = dir.resolve("log.csv");
    Files.writeString(log, existing);
    try (OutcomeLogAppender appender = new OutcomeLogAppender(log)) {
      appender.append(List.of(sent(lead)));
    }
    return log;
  }

  private static OutcomeLogReader.Result read(Path log) {
    return new OutcomeLogReader(Map.of(), 1).read(List.of(log));
  }

  @Test
  void aTornLastLineIsEndedBeforeTheNextEventSoThatEventIsKept() throws IOException {
    Path log = appendTo(HEADER + FIRST + "2026-03-02T08:05:00Z,L9,c,in", "L2");

    assertThat(Files.readString(log))
        .isEqualTo(
            HEADER
                + FIRST
                + "2026-03-02T08:05:00Z,L9,c,in\n"
                + "2026-03-02T09:00:00Z,L2,c,intro,email,intro,,sent\n");
    OutcomeLogReader.Result read = read(log);
    assertThat(read.events().size()).isEqualTo(2); // L1 and L2: the new event is whole
    assertThat(read.quality().total(Issue.BAD_ROW)).isEqualTo(1); // the fragment, on its own line
  }

  @Test
  void aLastLineMissingOnlyItsLineFeedStaysAWholeEvent() throws IOException {
    Path log = appendTo(HEADER + FIRST.strip(), "L2");

    assertThat(read(log).events().size()).isEqualTo(2);
    assertThat(read(log).quality().total()).isZero();
  }

  @Test
  void aHeaderCutOffWhileTheFileWasCreatedIsWrittenAgain() throws IOException {
    Path log = appendTo("timestamp,lead_id,cad", "L2");

    assertThat(Files.readString(log))
        .isEqualTo(HEADER + "2026-03-02T09:00:00Z,L2,c,intro,email,intro,,sent\n");
  }

  @Test
  void aWholeLogIsAppendedToAsItWas() throws IOException {
    Path log = appendTo(HEADER + FIRST, "L2");
    assertThat(Files.readString(log, StandardCharsets.UTF_8))
        .isEqualTo(HEADER + FIRST + "2026-03-02T09:00:00Z,L2,c,intro,email,intro,,sent\n");

    Path fresh = dir.resolve("new.csv");
    try (OutcomeLogAppender appender = new OutcomeLogAppender(fresh)) {
      appender.append(List.of(sent("L1")));
      appender.append(List.of(sent("L2")));
    }
    assertThat(Files.readAllLines(fresh)).hasSize(3).first().isEqualTo(OutcomeLog.HEADER);
  }
}
