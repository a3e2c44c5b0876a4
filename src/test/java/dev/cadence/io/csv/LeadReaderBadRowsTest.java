package dev.cadence.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cadence.model.Lead;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeadReaderBadRowsTest {
  private static final String HEADER = "id,email,timezone,do_not_contact\n";

  @TempDir Path dir;

  private LeadReadResult read(String text) {
    return LeadReader.read(LeadFiles.write(dir, "leads.csv", text), Map.of());
  }

  private LeadReadResult read(byte[] bytes) {
    return LeadReader.read(LeadFiles.write(dir, "leads.csv", bytes), Map.of());
  }

  @Test
  void missingIdIsRejectedWithItsLine() {
    LeadReadResult r = read(HEADER + "A,a@x.io,,\n  ,b@x.io,,\nC,c@x.io,,\n");
    assertThat(r.leads()).extracting(Lead::id).containsExactly("A", "C");
    assertThat(r.rejects())
        .extracting(RejectedRow::line, RejectedRow::reason)
        .containsExactly(tuple(3L, "missing id"));
    assertThat(r.rejects().get(0).fields()).containsExactly("  ", "b@x.io", "", "");
  }

  @Test
  void duplicateIdKeepsTheFirstAndNamesItsLine() {
    LeadReadResult r = read(HEADER + "A,a@x.io,,\nB,b@x.io,,\nA,other@x.io,,\n A ,third@x.io,,\n");
    assertThat(r.leads())
        .extracting(Lead::id, Lead::line)
        .containsExactly(tuple("A", 2L), tuple("B", 3L));
    assertThat(r.leads().get(0).email()).contains("a@x.io");
    assertThat(r.rejects())
        .extracting(RejectedRow::line, RejectedRow::reason)
        .containsExactly(
            tuple(4L, "duplicate id `A` (first on line 2)"),
            tuple(5L, "duplicate id `A` (first on line 2)"));
  }

  @Test
  void anIdTakenByARejectedRowStaysTaken() {
    LeadReadResult r = read(HEADER + "A,bad-email,,\nA,a@x.io,,\n");
    assertThat(r.leads()).isEmpty();
    assertThat(r.rejects())
        .extracting(RejectedRow::line, RejectedRow::reason)
        .containsExactly(
            tuple(2L, "malformed email `bad-email`: it has no @"),
            tuple(3L, "duplicate id `A` (first on line 2, itself rejected)"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ana.example.com | it has no @",
        "ana@@example.com | it has more than one @",
        "a@b@example.com | it has more than one @",
        "@example.com | nothing before the @",
        "ana@ | nothing after the @",
        "ana@localhost | the domain `localhost` has no dot",
        "ana@example..com | the domain `example..com` has an empty label",
        "ana@.example.com | the domain `.example.com` has an empty label",
        "ana@example.com. | the domain `example.com.` has an empty label",
        "'ana smith@example.com' | it contains a space or control character",
      })
  void malformedEmailIsRejectedWithWhatIsWrong(String email, String why) {
    LeadReadResult r = read(HEADER + "A,ok@x.io,,\nB,\"" + email + "\",,\n");
    assertThat(r.leads()).extracting(Lead::id).containsExactly("A");
    assertThat(r.rejects())
        .extracting(RejectedRow::line, RejectedRow::reason)
        .containsExactly(tuple(3L, "malformed email `" + email + "`: " + why));
  }

  @Test
  void plausibleEmailsAndAnEmptyEmailAreAccepted() {
    LeadReadResult r =
        read(HEADER + "A,o'brien+tag@mail.example.co.uk,,\nB,,,\nC,\"x.y@sub.dom.io\",,\n");
    assertThat(r.rejects()).as(r.toString()).isEmpty();
    assertThat(r.leads()).hasSize(3);
  }

  @Test
  void emailWithAControlCharacterIsRejected() {
    LeadReadResult r = read(HEADER + "A,\"a\u0007b@x.io\",,\n");
    assertThat(r.rejects())
        .singleElement()
        .satisfies(
            row -> assertThat(row.reason()).endsWith("it contains a space or control character"));
  }

  @Test
  void unknownTimeZoneIsRejectedWithADidYouMean() {
    LeadReadResult r =
        read(
            HEADER
                + "A,,Europe/Pari,\n"
                + "B,,america/new_york,\n"
                + "C,,New York,\n"
                + "D,,Mars/Olympus,\n"
                + "E,,UTC,\n"
                + "F,,+02:00,\n");
    assertThat(r.leads()).extracting(Lead::id).containsExactly("E", "F");
    assertThat(r.rejects())
        .extracting(RejectedRow::line, RejectedRow::reason)
        .containsExactly(
            tuple(2L, "unknown time zone `Europe/Pari`; did you mean `Europe/Paris`?"),
            tuple(3L, "unknown time zone `america/new_york`; did you mean `America/New_York`?"),
            tuple(4L, "unknown time zone `New York`; did you mean `America/New_York`?"),
            tuple(5L, "unknown time zone `Mars/Olympus` (use an IANA name such as Europe/Paris)"));
  }

  @Test
  void badDoNotContactValueIsRejected() {
    LeadReadResult r = read(HEADER + "A,,,maybe\nB,,,Y\n");
    assertThat(r.rejects())
        .extracting(RejectedRow::line, RejectedRow::reason)
        .containsExactly(
            tuple(2L, "bad do_not_contact `maybe`: expected true/false, yes/no, 1/0 or empty"),
            tuple(3L, "bad do_not_contact `Y`: expected true/false, yes/no, 1/0 or empty"));
  }

  @Test
  void raggedRowsWithMoreOrFewerFieldsAreRejected() {
    LeadReadResult r = read(HEADER + "A,a@x.io,,\nB,b@x.io\nC,c@x.io,,,extra\nD,d@x.io,,\n,\n");
    assertThat(r.leads()).extracting(Lead::id).containsExactly("A", "D");
    assertThat(r.rejects())
        .extracting(RejectedRow::line, RejectedRow::reason)
        .containsExactly(
            tuple(3L, "ragged row: 2 fields, the header has 4"),
            tuple(4L, "ragged row: 5 fields, the header has 4"),
            tuple(6L, "ragged row: 2 fields, the header has 4"));
    assertThat(r.rejects().get(1).fields()).containsExactly("C", "c@x.io", "", "", "extra");
  }

  @Test
  void aWhitespaceOnlyLineIsNotSilentlySkipped() {
    LeadReadResult r = read(HEADER + "A,,,\n   \nB,,,\n");
    assertThat(r.rejects())
        .extracting(RejectedRow::line, RejectedRow::reason)
        .containsExactly(tuple(3L, "ragged row: 1 field, the header has 4"));
  }

  @Test
  void everyProblemOfARowIsNamedTogether() {
    LeadReadResult r = read(HEADER + "A,a@x.io,,\nA,nope,Europe/Pariss,sometimes\n");
    assertThat(r.rejects())
        .singleElement()
        .satisfies(
            row ->
                assertThat(row.reason())
                    .isEqualTo(
                        "duplicate id `A` (first on line 2); malformed email `nope`: it has no @; "
                            + "unknown time zone `Europe/Pariss`; did you mean `Europe/Paris`?; "
                            + "bad do_not_contact `sometimes`: expected true/false, yes/no, 1/0 or empty"));
  }

  @Test
  void invalidUtf8InTheMiddleRejectsOnlyThatRowWithLineAndByteOffset() {
    // "Zo\xEB" is Latin-1 for "Zoë": the classic export mistake.
    byte[] file =
        LeadFiles.bytes(
            "id,first_name\n", "A,Ana\n", "B,Zo", new byte[] {(byte) 0xEB}, "\n", "C,Chloé\n");
    LeadReadResult r = read(file);
    assertThat(r.leads())
        .extracting(Lead::id, Lead::line)
        .containsExactly(tuple("A", 2L), tuple("C", 4L));
    assertThat(r.leads().get(1).field("first_name")).contains("Chloé");
    int offset = "id,first_name\nA,Ana\nB,Zo".length();
    assertThat(r.rejects())
        .extracting(RejectedRow::line, RejectedRow::reason)
        .containsExactly(
            tuple(
                3L,
                "invalid UTF-8: 0xEB at line 3, byte offset "
                    + offset
                    + " (save the file as UTF-8; was it exported as Latin-1 or Windows-1252?)"));
    assertThat(r.rejects().get(0).fields()).containsExactly("B", "Zo\uFFFD");
  }

  @Test
  void invalidUtf8InsideAMultiLineRecordRejectsThatRecordAtItsFirstLine() {
    byte[] file =
        LeadFiles.bytes(
            "id,notes\n",
            "A,\"line one\nline ",
            new byte[] {(byte) 0xC3, (byte) 0x28},
            " two\nline three\"\n",
            "B,ok\n");
    LeadReadResult r = read(file);
    assertThat(r.leads()).extracting(Lead::id, Lead::line).containsExactly(tuple("B", 5L));
    assertThat(r.rejects())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.line()).isEqualTo(2);
              int offset = "id,notes\nA,\"line one\nline ".length();
              assertThat(row.reason())
                  .startsWith("invalid UTF-8: 0xC3 at line 3, byte offset " + offset + " ");
            });
  }

  @Test
  void overlongSurrogateAndTruncatedSequencesAreAllCaught() {
    byte[] file =
        LeadFiles.bytes(
            "id,x\n",
            "A,",
            new byte[] {(byte) 0xC0, (byte) 0xAF},
            "\n", // overlong "/"
            "B,",
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            "\n", // a UTF-16 surrogate
            "C,",
            new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98, (byte) 0x80},
            "\n", // a valid emoji
            "D,",
            new byte[] {(byte) 0xE2, (byte) 0x82}); // cut short at end of file
    LeadReadResult r = read(file);
    assertThat(r.leads()).extracting(Lead::id).containsExactly("C");
    assertThat(r.rejects()).extracting(RejectedRow::line).containsExactly(2L, 3L, 5L);
    assertThat(r.rejects())
        .allSatisfy(row -> assertThat(row.reason()).startsWith("invalid UTF-8: 0x"));
  }

  @Test
  void unclosedQuoteRejectsItsLineAndReadingGoesOnAtTheNext() {
    LeadReadResult r = read("id,company\nA,Acme\nB,\"Beta Corp\nC,Gamma\nD,Delta\n");
    assertThat(r.leads())
        .extracting(Lead::id, Lead::line)
        .containsExactly(tuple("A", 2L), tuple("C", 4L), tuple("D", 5L));
    assertThat(r.rejects())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.line()).isEqualTo(3);
              assertThat(row.reason())
                  .startsWith("unclosed quote: a quoted field that starts on this line never ends")
                  .endsWith("reading went on at line 4");
              assertThat(row.fields())
                  .as("kept for the rejects CSV")
                  .containsExactly("B", "Beta Corp");
            });
  }

  @Test
  void textAfterAClosingQuoteRejectsThatRecordOnly() {
    LeadReadResult r =
        read("id,company,email\nA,Acme,a@x.io\nB,\"Beta\" Corp,b@x.io\nC,Gamma,c@x.io\n");
    assertThat(r.leads())
        .extracting(Lead::id, Lead::line)
        .containsExactly(tuple("A", 2L), tuple("C", 4L));
    assertThat(r.rejects())
        .extracting(RejectedRow::line, RejectedRow::reason)
        .containsExactly(
            tuple(
                3L,
                "text after a closing quote on line 3 (quote the whole field, and double a quote inside it: \"\")"));
    assertThat(r.rejects().get(0).fields()).containsExactly("B", "Beta Corp", "b@x.io");
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsJustACharacter() {
    LeadReadResult r = read("id,title\nA,17\" monitor buyer\nB,x\n");
    assertThat(r.rejects()).as(r.toString()).isEmpty();
    assertThat(r.leads().get(0).field("title")).contains("17\" monitor buyer");
    assertThat(r.leads()).extracting(Lead::line).containsExactly(2L, 3L);
  }

  @Test
  void quotingErrorsAfterBlankLinesAndMultiLineRecordsStillGetTheirOwnLine() {
    LeadReadResult r = read("id,notes\n\nA,\"x\ny\"\n\n\nB,\"oops\"x\nC,fine\n");
    assertThat(r.leads())
        .extracting(Lead::id, Lead::line)
        .containsExactly(tuple("A", 3L), tuple("C", 8L));
    assertThat(r.rejects()).extracting(RejectedRow::line).containsExactly(7L);
  }

  @Test
  void aFileOfBrokenQuotesStopsWithOneError() {
    StringBuilder text = new StringBuilder("id,x\n");
    for (int i = 0; i < LeadReader.MAX_QUOTING_ERRORS + 5; i++) {
      text.append(i).append(",\"a\"b\n");
    }
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> read(text.toString()))
        .isInstanceOfSatisfying(
            LeadFileException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(LeadFileException.Kind.BAD_FILE);
              assertThat(e.exitCode()).isEqualTo(1);
              assertThat(e.getMessage()).contains("more than 100 quoting errors");
            });
  }

  @Test
  void rejectedRowsDescribeThemselvesForStderr() {
    RejectedRow row = new RejectedRow(7, "missing id", List.of());
    assertThat(row.describe()).isEqualTo("line 7: missing id");
  }
}
