package dev.cadence.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.model.Lead;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever mix of good and bad rows a file has, every data row is either loaded or rejected, in
 * place.
 */
class LeadReaderPropertyTest {
  enum Kind {
    GOOD,
    MISSING_ID,
    DUPLICATE_ID,
    BAD_EMAIL,
    BAD_ZONE,
    BAD_FLAG,
    SHORT,
    LONG,
    BAD_UTF8,
    STRAY_QUOTE
  }

  /**
   * One generated row: its kind, a free-text note (commas, quotes, line breaks), blank lines before
   * it.
   */
  record Row(Kind kind, String note, int blanksBefore) {}

  @Provide
  Arbitrary<List<Row>> rows() {
    Arbitrary<Row> row =
        Combinators.combine(
                Arbitraries.of(Kind.class),
                // '~' becomes an emoji: withChars would split a surrogate pair into lone halves
                Arbitraries.strings()
                    .withChars("ab ,;\"\n\r\té=~")
                    .ofMaxLength(10)
                    .map(s -> s.replace("~", "😀")),
                Arbitraries.integers()
                    .between(0, 3)
                    .edgeCases(c -> c.includeOnly(0))
                    .injectDuplicates(0.7))
            .as(Row::new);
    return row.list().ofMaxSize(40);
  }

  @Property(tries = 300)
  void everyDataRowIsLoadedOrRejectedAtItsPhysicalLine(
      @ForAll("rows") List<Row> rows, @ForAll boolean crlf) throws IOException {
    String eol = crlf ? "\r\n" : "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(out, "id,email,timezone,do_not_contact,notes" + eol);
    long line = 2;
    List<Long> goodLines = new ArrayList<>();
    List<String> goodIds = new ArrayList<>();
    List<String> goodNotes = new ArrayList<>();
    List<Long> badLines = new ArrayList<>();
    boolean firstIdTaken = false;
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      for (int b = 0; b < row.blanksBefore(); b++) {
        write(out, eol);
        line++;
      }
      Kind kind = row.kind() == Kind.DUPLICATE_ID && !firstIdTaken ? Kind.GOOD : row.kind();
      String id = kind == Kind.DUPLICATE_ID ? "L0" : "L" + i;
      String note = "\"" + row.note().replace("\"", "\"\"") + "\"";
      String email = "x" + i + "@example.com";
      String zone = i % 2 == 0 ? "Europe/Paris" : "";
      String flag = i % 3 == 0 ? "yes" : "";
      switch (kind) {
        case MISSING_ID -> id = "";
        case BAD_EMAIL -> email = "x" + i + "@nowhere";
        case BAD_ZONE -> zone = "Europe/Nowhere";
        case BAD_FLAG -> flag = "perhaps";
        default -> {}
      }
      String fields = id + "," + email + "," + zone + "," + flag + ",";
      switch (kind) {
        case SHORT -> write(out, id + "," + email + "," + note);
        case LONG -> write(out, fields + note + ",surplus");
        case BAD_UTF8 -> {
          write(out, fields + "caf");
          out.write(0xE9);
        }
        case STRAY_QUOTE -> write(out, fields + "\"quoted\" then text");
        default -> write(out, fields + note);
      }
      write(out, eol);
      if (kind == Kind.GOOD) {
        goodLines.add(line);
        goodIds.add(id);
        goodNotes.add(row.note().strip());
      } else {
        badLines.add(line);
      }
      if (i == 0) {
        // the reader takes an id from every row with the header's shape, loaded or not
        firstIdTaken =
            EnumSet.of(Kind.GOOD, Kind.BAD_EMAIL, Kind.BAD_ZONE, Kind.BAD_FLAG, Kind.BAD_UTF8)
                .contains(kind);
      }
      line +=
          physicalLines(kind == Kind.BAD_UTF8 || kind == Kind.STRAY_QUOTE ? "" : row.note()) + 1;
    }
    Path file = Files.createTempFile("leads", ".csv");
    try {
      Files.write(file, out.toByteArray());
      LeadReadResult r = LeadReader.read(file, Map.of());
      assertThat(r.leads().size() + r.rejects().size()).as(r.toString()).isEqualTo(rows.size());
      assertThat(r.leads()).extracting(Lead::id).as(r.toString()).isEqualTo(goodIds);
      assertThat(r.leads()).extracting(Lead::line).isEqualTo(goodLines);
      assertThat(r.leads())
          .extracting(l -> visible(l.fields().get("notes")))
          .isEqualTo(goodNotes.stream().map(LeadReaderPropertyTest::visible).toList());
      assertThat(r.rejects()).extracting(RejectedRow::line).as(r.toString()).isEqualTo(badLines);
    } finally {
      Files.delete(file);
    }
  }

  /** Line breaks inside a value: CRLF, LF and a lone CR each end a physical line. */
  private static int physicalLines(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r' || (c == '\n' && (i == 0 || s.charAt(i - 1) != '\r'))) {
        n++;
      }
    }
    return n;
  }

  /** Line breaks and tabs made visible, so a failure report is readable. */
  private static String visible(String s) {
    return s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
  }
}
