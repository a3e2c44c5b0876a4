package dev.cadence.io.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cadence.analytics.DataQuality;
import dev.cadence.analytics.EventCodes;
import dev.cadence.analytics.RawEvents;
import dev.cadence.analytics.Signature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The raw scan: CSV rules, encodings, findings with their physical lines, unusable files. */
class OutcomeLogReaderTest {
  static final String HEADER = "timestamp,lead_id,cadence,step,channel,template,region,event\n";

  @TempDir Path dir;

  private Path file(String name, byte[] bytes) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    return f;
  }

  private Path file(String name, String text) throws IOException {
    return file(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static OutcomeLogReader.Result read(Path... files) {
    return new OutcomeLogReader(Map.of(), 2).read(List.of(files));
  }

  /**
   * Each event as "lead cadence step channel template region event @instant line". Leads are named
   * by order of first appearance: the reader's ids are dense but their order depends on which
   * thread parsed which chunk; which rows share a lead does not.
   */
  static List<String> events(RawEvents e) {
    List<String> out = new ArrayList<>();
    java.util.Map<Integer, Integer> leadNames = new java.util.HashMap<>();
    for (int r = 0; r < e.size(); r++) {
      int lead = leadNames.computeIfAbsent(e.lead(r), k -> leadNames.size());
      Signature s = e.signatures().get(e.signature(r));
      long micros = e.micros(r);
      Instant at =
          Instant.ofEpochSecond(
              Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
      out.add(
          String.join(
              " ",
              "L" + lead,
              s.cadence(),
              s.step(),
              s.channel(),
              "[" + s.template() + "]",
              "[" + s.region() + "]",
              EventCodes.name(e.event(r)),
              "@" + at,
              "line" + e.line(r)));
    }
    return out;
  }

  static List<String> findings(OutcomeLogReader.Result r) {
    List<String> out = new ArrayList<>();
    for (DataQuality.Finding f : r.quality().findings(r.events().sources())) {
      for (DataQuality.Example e : f.examples()) {
        out.add(
            f.issue().code()
                + " "
                + Path.of(e.source()).getFileName()
                + ":"
                + e.line()
                + " "
                + e.detail());
      }
    }
    return out;
  }

  @Test
  void quotedCommasQuotesAndLineBreaksFormulaEscapesCrlfAndBom() throws IOException {
    Path f =
        file(
            "log.csv",
            "\uFEFF"
                + HEADER.replace("\n", "\r\n")
                + "2026-03-02T09:00:00+01:00,'-L1,c,intro,email,\"intro, v2\",EU,sent\r\n"
                + "2026-03-02T09:05:00Z,'-L1,c,intro,email,\"intro, v2\",\"E\"\"U\",opened\r\n"
                + "2026-03-02T09:06:00Z,L2,c,intro,email,'=cmd,\"two\nlines\",sent\r\n"
                + "2026-03-02T09:07:00Z,'abc,c,intro,email,,,sent\r\n");
    OutcomeLogReader.Result r = read(f);
    assertThat(events(r.events()))
        .containsExactly(
            "L0 c intro email [intro, v2] [EU] sent @2026-03-02T08:00:00Z line2",
            "L0 c intro email [intro, v2] [E\"U] opened @2026-03-02T09:05:00Z line3",
            "L1 c intro email [=cmd] [two\nlines] sent @2026-03-02T09:06:00Z line4",
            "L2 c intro email [] [] sent @2026-03-02T09:07:00Z line6");
    assertThat(findings(r)).isEmpty();
    assertThat(r.files().get(0).records()).isEqualTo(4);
  }

  @Test
  void badLinesAreReportedWithTheirPhysicalLineAndTheOthersStillCount() throws IOException {
    Path f =
        file(
            "log.csv",
            HEADER
                + "2026-03-02T09:00:00Z,L1,c,s,email,t,EU,sent\n"
                + "2026-03-02T09:00:00Z,L1,c,\"multi\nline\",email,t,EU,sent\n"
                + "2026-03-02 09:00,L1,c,s,email,t,EU,sent\n"
                + "2026-03-02T09:00:00Z,L1,c,s,email,t,EU,opnd\n"
                + "2026-03-02T09:00:00Z,L1,c,s,email,t,EU\n"
                + "2026-03-02T09:00:00Z,,c,s,email,t,EU,sent\n"
                + "\n"
                + "2026-03-02T09:00:00Z,L1,c,s,email,t,EU,sent,extra\n"
                + "2026-03-02T09:00:00Z,L1,c,s,email,\"t\"x,EU,sent\n"
                + "2026-03-03T09:00:00Z,L1,c,s,email,t,EU,sent\n");
    OutcomeLogReader.Result r = read(f);
    assertThat(findings(r))
        .containsExactly(
            "bad-row log.csv:7 7 fields where the header has 8",
            "bad-row log.csv:8 empty `lead_id`",
            "bad-row log.csv:10 9 fields where the header has 8",
            "bad-row log.csv:11 text after the closing quote of field 6",
            "bad-timestamp log.csv:5 `2026-03-02 09:00` is not an ISO-8601 timestamp with an offset (e.g. 2026-03-02T09:00:00+01:00)",
            "unknown-event log.csv:6 `opnd`");
    assertThat(events(r.events()))
        .extracting(e -> e.substring(e.lastIndexOf(' ') + 1))
        .containsExactly("line2", "line3", "line12");
  }

  @Test
  void invalidUtf8IsABadRowWhereverItIs() throws IOException {
    byte[] bad = {(byte) 0xC3, (byte) 0x28};
    String good = "2026-03-02T09:00:00Z,L1,c,s,email,t,EU,sent\n";
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
    b.writeBytes((HEADER.trim() + ",note\n").getBytes(StandardCharsets.UTF_8));
    b.writeBytes(("2026-03-02T09:00:00Z,L1,c,s,email,t,E").getBytes(StandardCharsets.UTF_8));
    b.writeBytes(bad);
    b.writeBytes(",sent,n\n".getBytes(StandardCharsets.UTF_8));
    b.writeBytes(("2026-03-02T09:00:00Z,L1,c,s,email,t,EU,sent,").getBytes(StandardCharsets.UTF_8));
    b.writeBytes(bad);
    b.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
    b.writeBytes(("2026-03-02T09:00:00Z,L").getBytes(StandardCharsets.UTF_8));
    b.writeBytes(bad);
    b.writeBytes(",c,s,email,t,EU,sent,n\n".getBytes(StandardCharsets.UTF_8));
    b.writeBytes(good.replace("\n", ",é\n").getBytes(StandardCharsets.UTF_8));
    OutcomeLogReader.Result r = read(file("log.csv", b.toByteArray()));
    assertThat(findings(r))
        .containsExactly(
            "bad-row log.csv:2 invalid UTF-8 in `region`",
            "bad-row log.csv:3 invalid UTF-8 in column 9",
            "bad-row log.csv:4 invalid UTF-8 in `lead_id`");
    assertThat(r.events().size()).isEqualTo(1);
  }

  @Test
  void anUnclosedQuoteLosesOneLineNotTheRestOfTheFile() throws IOException {
    Path f =
        file(
            "log.csv",
            HEADER
                + "2026-03-02T09:00:00Z,L1,c,s,email,\"oops,EU,sent\n"
                + "2026-03-02T09:00:00Z,L2,c,s,email,t,EU,sent\n");
    OutcomeLogReader.Result r = read(f);
    assertThat(findings(r)).containsExactly("bad-row log.csv:2 a quote that is never closed");
    assertThat(events(r.events())).hasSize(1).allMatch(e -> e.endsWith("line3"));
  }

  @Test
  void timestampsThatAreAcceptedAndRefused() throws IOException {
    List<String> good =
        List.of(
            "2026-03-02T09:00:00Z",
            "2026-03-02T09:00:00.5+01:00",
            "2026-03-02 09:00:00-05:30",
            "2026-03-02T09:00+02:00",
            "2024-02-29T00:00:00.123456789Z",
            "2026-12-31T23:59:59+18:00");
    List<String> bad =
        List.of(
            "2026-03-02T09:00:00",
            "2026-02-29T09:00:00Z",
            "2026-03-02T24:00:00Z",
            "2026-03-02T12:60:00Z",
            "2026-03-02T09:00:00+19:00",
            "2026-03-02T09:00:00 Z",
            "yesterday",
            "2026-03-02",
            "2026-03-02T09:00:00.Z",
            "2026-03-02T09:00:00+0100",
            "2026-13-01T09:00:00Z",
            "２026-03-02T09:00:00Z");
    StringBuilder text = new StringBuilder(HEADER);
    for (String t : good) {
      text.append(t).append(",L1,c,s,email,t,EU,sent\n");
    }
    for (String t : bad) {
      text.append(t).append(",L1,c,s,email,t,EU,sent\n");
    }
    OutcomeLogReader.Result r = read(file("log.csv", text.toString()));
    assertThat(events(r.events()))
        .extracting(e -> e.substring(e.indexOf('@') + 1, e.lastIndexOf(' ')))
        .containsExactly(
            "2026-03-02T09:00:00Z",
            "2026-03-02T08:00:00.500Z",
            "2026-03-02T14:30:00Z",
            "2026-03-02T07:00:00Z",
            "2024-02-29T00:00:00.123456Z",
            "2026-12-31T05:59:59Z");
    assertThat(r.quality().total()).isEqualTo(bad.size());
  }

  @Test
  void aMissingColumnMakesTheFileUnusableWithADidYouMeanAndMapFixesIt() throws IOException {
    Path f =
        file(
            "crm.csv",
            "When,Contact ID,cadence,step,channel,evnt\n2026-03-02T09:00:00Z,L1,c,s,email,sent\n");
    OutcomeLogReader.Result r = read(f);
    assertThat(r.problems()).hasSize(1);
    assertThat(r.problems().get(0).message())
        .isEqualTo(
            f
                + ":1: no `timestamp` column; no `lead_id` column;"
                + " no `event` column; did you mean `evnt`? (or --map event=evnt) (header: When,Contact ID,cadence,step,channel,evnt)");
    assertThat(r.problems().get(0).io()).isFalse();
    Map<String, String> map =
        OutcomeLogReader.parseMapping(
            List.of("timestamp=When", "lead_id=Contact ID", "event=evnt"));
    OutcomeLogReader.Result mapped = new OutcomeLogReader(map, 1).read(List.of(f));
    assertThat(mapped.problems()).isEmpty();
    assertThat(events(mapped.events()))
        .containsExactly("L0 c s email [] [] sent @2026-03-02T09:00:00Z line2");
    assertThatThrownBy(() -> OutcomeLogReader.parseMapping(List.of("evnt=Type")))
        .hasMessage("--map evnt=Type: `evnt` is not an outcome-log field; did you mean `event`?");
    assertThatThrownBy(() -> OutcomeLogReader.parseMapping(List.of("lead_id")))
        .hasMessageContaining("expected field=Column");
  }

  @Test
  void emptyAndHeaderOnlyFiles() throws IOException {
    Path empty = file("empty.csv", "");
    Path headerOnly = file("header.csv", HEADER.trim());
    Path good = file("good.csv", HEADER + "2026-03-02T09:00:00Z,L1,c,s,email,t,EU,sent\n");
    OutcomeLogReader.Result r = read(empty, headerOnly, good);
    assertThat(r.problems())
        .extracting(OutcomeLogReader.FileProblem::message)
        .containsExactly(
            empty
                + ": empty file (an outcome log starts with a header line: timestamp,lead_id,cadence,step,channel,template,region,event)");
    assertThat(r.files())
        .extracting(OutcomeLogReader.FileStats::events)
        .containsExactly(0L, 0L, 1L);
    assertThat(events(r.events()))
        .containsExactly("L0 c s email [t] [EU] sent @2026-03-02T09:00:00Z line2");
    assertThat(r.events().source(0)).isEqualTo(2);
  }

  @Test
  void chunksOfAnySizeGiveTheSameEventsAndLines() throws IOException {
    StringBuilder text = new StringBuilder(HEADER);
    java.util.Random random = new java.util.Random(5);
    for (int i = 0; i < 300; i++) {
      String template =
          switch (random.nextInt(5)) {
            case 0 -> "\"a\nquoted\nbreak\"";
            case 4 ->
                "\"x\n2026-03-02T09:00:00Z,GHOST"
                    + i
                    + ",c,s,email,t,EU,sent\n\""; // a line inside a value
            case 1 -> "\"with, comma\"";
            case 2 -> "\"say \"\"hi\"\"\"";
            default -> "plain";
          };
      String ts =
          random.nextInt(40) == 0
              ? "bad"
              : "2026-03-02T09:" + String.format("%02d", i % 60) + ":00Z";
      text.append(ts)
          .append(",L")
          .append(i % 37)
          .append(",c,s")
          .append(i % 5)
          .append(",email,")
          .append(template)
          .append(",EU,")
          .append(random.nextBoolean() ? "sent" : "opened")
          .append(random.nextInt(9) == 0 ? "\r\n" : "\n");
    }
    Path f = file("log.csv", text.toString());
    OutcomeLogReader.Result whole =
        new OutcomeLogReader(Map.of(), 1, 1 << 20, OutcomeLogReader.MAX_RECORD).read(List.of(f));
    for (int chunk : new int[] {7, 16, 64, 333}) {
      OutcomeLogReader.Result r =
          new OutcomeLogReader(Map.of(), 3, chunk, OutcomeLogReader.MAX_RECORD).read(List.of(f));
      assertThat(events(r.events())).as("chunk " + chunk).isEqualTo(events(whole.events()));
      assertThat(findings(r)).as("chunk " + chunk).isEqualTo(findings(whole));
      // Dense lead ids: a guessed parse that was thrown away leaves none behind.
      java.util.Set<Integer> used = new java.util.HashSet<>();
      for (int row = 0; row < r.events().size(); row++) {
        used.add(r.events().lead(row));
      }
      assertThat(r.events().leads())
          .as("chunk " + chunk)
          .isEqualTo(used.size())
          .isEqualTo(whole.events().leads());
    }
    assertThat(whole.events().size()).isBetween(250, 300);
  }
}
