package dev.cadence.io.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.model.Channel;
import dev.cadence.model.OutcomeEvent;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutcomeLogTest {
  static OutcomeEvent event(Instant at, ZoneId zone, String lead, String template, String region) {
    return new OutcomeEvent(
        at, zone, lead, "outbound", "intro", Channel.EMAIL, template, region, "sent");
  }

  @Test
  void theHeaderIsTheContracts() {
    assertThat(OutcomeLog.HEADER)
        .isEqualTo("timestamp,lead_id,cadence,step,channel,template,region,event");
  }

  @Test
  void timestampsAreIsoWithTheLeadsOffsetAtThatInstantToTheSecond() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    assertThat(
            OutcomeLog.line(
                event(Instant.parse("2026-03-02T08:00:00Z"), paris, "L1", "intro", "EMEA-FR")))
        .isEqualTo("2026-03-02T09:00:00+01:00,L1,outbound,intro,email,intro,EMEA-FR,sent");
    assertThat(OutcomeLog.line(event(Instant.parse("2026-03-30T07:05:09Z"), paris, "L1", "", "")))
        .isEqualTo(
            "2026-03-30T09:05:09+02:00,L1,outbound,intro,email,,,sent"); // after the DST change
    assertThat(
            OutcomeLog.line(
                event(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC, "L1", "", "")))
        .startsWith("2026-03-02T08:00:00Z,");
    assertThat(
            OutcomeLog.line(
                event(
                    Instant.parse("2026-07-01T00:00:00Z"),
                    ZoneId.of("Asia/Kolkata"),
                    "L1",
                    "",
                    "")))
        .startsWith("2026-07-01T05:30:00+05:30,");
    // Every timestamp parses back to its instant.
    for (long s = 0; s < 3 * 365 * 86_400L; s += 86_400L * 7 + 3_601) {
      Instant at = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(s);
      String ts =
          OutcomeLog.line(event(at, ZoneId.of("America/New_York"), "L", "", "")).split(",")[0];
      assertThat(OffsetDateTime.parse(ts).toInstant()).isEqualTo(at);
      assertThat(ts)
          .isEqualTo(
              java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                  at.atZone(ZoneId.of("America/New_York"))));
    }
  }

  @Test
  void valuesThatASpreadsheetWouldRunAreDefusedAndValuesWithSeparatorsQuoted() throws IOException {
    ZoneId utc = ZoneOffset.UTC;
    Instant at = Instant.parse("2026-03-02T08:00:00Z");
    String line = OutcomeLog.line(event(at, utc, "=HYPERLINK(\"http://x\")", "+tpl", "-1,@2"));
    assertThat(line)
        .isEqualTo(
            "2026-03-02T08:00:00Z,\"'=HYPERLINK(\"\"http://x\"\")\",outbound,intro,email,'+tpl,\"'-1,@2\",sent");
    assertThat(OutcomeLog.cell("@sum")).isEqualTo("'@sum");
    assertThat(OutcomeLog.cell("a\nb")).isEqualTo("\"a\nb\"");
    assertThat(OutcomeLog.cell("plain")).isEqualTo("plain");
    assertThat(OutcomeLog.cell("")).isEmpty();
    // A CSV reader reads back the defused values, one record per event.
    String csv =
        OutcomeLog.HEADER
            + "\n"
            + line
            + "\n"
            + OutcomeLog.line(event(at, utc, "L\n2", "", ""))
            + "\n";
    List<CSVRecord> records =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .get()
            .parse(new StringReader(csv))
            .getRecords();
    assertThat(records).hasSize(2);
    assertThat(records.get(0).get("lead_id")).isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(records.get(0).get("region")).isEqualTo("'-1,@2");
    assertThat(records.get(1).get("lead_id")).isEqualTo("L\n2");
  }

  @Test
  void anOutputIsInvisibleUntilCommittedAndGoneWhenAbandoned(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("log.csv");
    Files.writeString(target, "old\n");
    try (AtomicOutput out = AtomicOutput.open(target)) {
      out.write("new\n".getBytes());
    }
    assertThat(target).hasContent("old");
    assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    try (AtomicOutput out = AtomicOutput.open(target)) {
      out.write("new\n".getBytes());
      assertThat(target).hasContent("old");
      out.commit();
    }
    assertThat(target).hasContent("new");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void oneEncoderWritesTheSameLinesAsOneLineAtATimeAcrossZonesAndDstChangesBackAndForth()
      throws IOException {
    List<ZoneId> zones =
        List.of(
            ZoneId.of("Europe/Paris"),
            ZoneId.of("America/New_York"),
            ZoneId.of("Australia/Lord_Howe"),
            ZoneOffset.UTC,
            ZoneId.of("Asia/Kolkata"));
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    LogEncoder encoder = new LogEncoder();
    StringBuilder expected = new StringBuilder();
    Instant base = Instant.parse("2026-03-01T00:00:00Z");
    for (int i = 0; i < 20_000; i++) {
      // jumps forward and back over the spring and autumn changes of each zone
      Instant at = base.plusSeconds(random.nextLong(300L * 86_400));
      OutcomeEvent e =
          new OutcomeEvent(
              at,
              zones.get(random.nextInt(zones.size())),
              "L" + random.nextInt(50),
              "c",
              "s" + random.nextInt(3),
              Channel.CALL,
              "",
              i % 7 == 0 ? "-x" : "EMEA",
              "called");
      encoder.accept(e);
      expected.append(OutcomeLog.line(e)).append('\n');
      String ts = OutcomeLog.line(e).split(",")[0];
      assertThat(ts)
          .isEqualTo(
              java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(e.zone())));
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    encoder.writeTo(out::write);
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(expected.toString());
  }
}
