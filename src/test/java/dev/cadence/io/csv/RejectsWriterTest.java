package dev.cadence.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectsWriterTest {
  @TempDir Path dir;

  private String content(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  // Commons CSV quotes an empty first cell ("") so that a one-column empty row is not a blank line.
  @Test
  void writesTheOriginalHeaderPlusLineAndReasonForEachRejectedRow() throws IOException {
    Path leads =
        LeadFiles.write(
            dir,
            "leads.csv",
            "Lead ID,E-mail,notes\nA,a@x.io,ok\n,b@x.io,\"two\nlines\"\nC,not-an-email,\"say \"\"hi\"\"\"\nD,d@x.io\n");
    LeadReadResult r = LeadReader.read(leads, Map.of("id", "Lead ID", "email", "E-mail"));
    Path out = dir.resolve("rejects.csv");
    RejectsWriter.write(out, r.header(), r.rejects());
    assertThat(content(out))
        .isEqualTo(
            "Lead ID,E-mail,notes,_line,_reason\n"
                + "\"\",b@x.io,\"two\nlines\",3,missing id\n"
                + "C,not-an-email,\"say \"\"hi\"\"\",5,malformed email `not-an-email`: it has no @\n"
                + "D,d@x.io,,6,\"ragged row: 2 fields, the header has 3\"\n");
    LeadReadResult again = LeadReader.read(out, Map.of("id", "Lead ID", "email", "E-mail"));
    assertThat(again.rejects())
        .as("the rejects file is itself a readable list")
        .extracting(RejectedRow::line)
        .containsExactly(2L, 4L);
  }

  @Test
  void cellsThatASpreadsheetWouldRunAreEscapedWithAQuote() throws IOException {
    Path leads =
        LeadFiles.write(
            dir,
            "leads.csv",
            "id,email,phone,note\n"
                + "=HYPERLINK(\"http://evil\"),=cmd,+33 1 23 45 67 89,-5\n"
                + ",@SUM(A1),\"\tTAB\",plain\n");
    LeadReadResult r = LeadReader.read(leads, Map.of());
    assertThat(r.rejects()).hasSize(2);
    Path out = dir.resolve("rejects.csv");
    RejectsWriter.write(out, r.header(), r.rejects());
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(1))
        .startsWith("\"'=HYPERLINK(\"\"http://evil\"\")\",'=cmd,'+33 1 23 45 67 89,'-5,2,");
    assertThat(lines.get(2)).startsWith("\"\",'@SUM(A1),'\tTAB,plain,3,");
    assertThat(RejectsWriter.escape("=1+1")).isEqualTo("'=1+1");
    assertThat(RejectsWriter.escape("a=1")).isEqualTo("a=1");
    assertThat(RejectsWriter.escape("")).isEmpty();
    // A value that starts with the escape itself is escaped too, so `'=1` and `=1` stay apart.
    assertThat(RejectsWriter.escape("'=1")).isEqualTo("''=1");
  }

  @Test
  void fieldsPastTheHeaderGoIntoTheReasonAndShortRowsArePadded() throws IOException {
    Path out = dir.resolve("rejects.csv");
    RejectsWriter.write(
        out,
        List.of("id", "email"),
        List.of(
            new RejectedRow(
                4, "ragged row: 4 fields, the header has 2", List.of("A", "a@x.io", "x", "=y")),
            new RejectedRow(5, "ragged row: 1 field, the header has 2", List.of("B")),
            new RejectedRow(9, "unclosed quote", List.of())));
    assertThat(content(out))
        .isEqualTo(
            "id,email,_line,_reason\n"
                + "A,a@x.io,4,\"ragged row: 4 fields, the header has 2 (fields past the header: x | =y)\"\n"
                + "B,,5,\"ragged row: 1 field, the header has 2\"\n"
                + "\"\",,9,unclosed quote\n");
  }

  @Test
  void nothingAppearsUntilCommitAndAFailedRunLeavesTheOldFileAlone() throws IOException {
    Path out = Files.writeString(dir.resolve("rejects.csv"), "old\n");
    try (RejectsWriter w = RejectsWriter.open(out, List.of("id"))) {
      w.write(new RejectedRow(2, "missing id", List.of("")));
      assertThat(content(out)).isEqualTo("old\n");
      assertThat(files()).hasSize(2);
      // no commit: as if the run failed here
    }
    assertThat(content(out)).isEqualTo("old\n");
    assertThat(files()).containsExactly(out);

    try (RejectsWriter w = RejectsWriter.open(out, List.of("id"))) {
      w.write(new RejectedRow(2, "missing id", List.of("")));
      w.commit();
    }
    assertThat(content(out)).isEqualTo("id,_line,_reason\n\"\",2,missing id\n");
    assertThat(files()).containsExactly(out);
  }

  @Test
  void anUnwritableTargetIsARuntimeError() {
    Path out = dir.resolve("no-such-dir").resolve("rejects.csv");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RejectsWriter.write(out, List.of("id"), List.of()))
        .isInstanceOfSatisfying(
            LeadFileException.class, e -> assertThat(e.exitCode()).isEqualTo(3));
  }
}
