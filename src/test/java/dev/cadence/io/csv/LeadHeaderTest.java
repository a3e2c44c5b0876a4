package dev.cadence.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadHeaderTest {
  @TempDir Path dir;

  private Path file(String text) {
    return LeadFiles.write(dir, "leads.csv", text);
  }

  private static void assertFails(
      ThrowingCallable call, LeadFileException.Kind kind, int exit, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            LeadFileException.class,
            e -> {
              assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
              assertThat(e.exitCode()).isEqualTo(exit);
              assertThat(e.getMessage()).isEqualTo(message).doesNotContain("\n");
            });
  }

  @Test
  void duplicateHeaderNameStopsTheRead() {
    Path f = file("id,email,name,email\nA,a@x.io,Ana,b@x.io\n");
    assertFails(
        () -> LeadReader.read(f, Map.of()),
        LeadFileException.Kind.BAD_HEADER,
        1,
        f + ":1: duplicate column `email` in the header (columns 2 and 4)");
  }

  @Test
  void twoSpellingsOfOneKnownColumnClash() {
    Path f = file("id,Email,email\n");
    assertFails(
        () -> LeadReader.read(f, Map.of()),
        LeadFileException.Kind.BAD_HEADER,
        1,
        f + ":1: columns `Email` and `email` both give the field `email` (columns 2 and 3)");
  }

  @Test
  void emptyHeaderNameStopsTheRead() {
    Path f = file("id,,email\n");
    assertFails(
        () -> LeadReader.read(f, Map.of()),
        LeadFileException.Kind.BAD_HEADER,
        1,
        f + ":1: column 2 of the header has no name");
    Path trailing = file("\n\nid,email,\n");
    assertFails(
        () -> LeadReader.read(trailing, Map.of()),
        LeadFileException.Kind.BAD_HEADER,
        1,
        trailing + ":3: column 3 of the header has no name (a trailing comma?)");
  }

  @Test
  void missingIdColumnNamesTheColumns() {
    Path f = file("lead,email\nA,a@x.io\n");
    assertFails(
        () -> LeadReader.read(f, Map.of()),
        LeadFileException.Kind.BAD_HEADER,
        1,
        f
            + ":1: the header has no `id` column (columns: lead, email); name it `id` or map one with --map id=COLUMN");
  }

  @Test
  void semicolonSeparatedHeaderGetsAHint() {
    Path f = file("id;email\nA;a@x.io\n");
    assertFails(
        () -> LeadReader.read(f, Map.of()),
        LeadFileException.Kind.BAD_HEADER,
        1,
        f
            + ":1: the header has no `id` column (columns: id;email); the header looks separated by semicolons or"
            + " tabs, but a lead list is comma-separated");
  }

  @Test
  void emptyFileStopsTheRead() {
    Path f = file("\n\n");
    assertFails(
        () -> LeadReader.read(f, Map.of()),
        LeadFileException.Kind.BAD_HEADER,
        1,
        f + ": empty file: a lead list needs a header row");
  }

  @Test
  void invalidUtf8InTheHeaderStopsTheRead() {
    Path f =
        LeadFiles.write(
            dir, "latin1.csv", LeadFiles.bytes("id,pr", new byte[] {(byte) 0xE9}, "nom\nA,x\n"));
    assertFails(
        () -> LeadReader.read(f, Map.of()),
        LeadFileException.Kind.BAD_HEADER,
        1,
        f + ":1: invalid UTF-8 in the header (0xE9 at byte offset 5); save the file as UTF-8");
  }

  @Test
  void utf16FileIsNamedAsSuch() {
    byte[] utf16 =
        LeadFiles.bytes(
            new byte[] {(byte) 0xFF, (byte) 0xFE},
            "id\nA\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
    Path f = LeadFiles.write(dir, "utf16.csv", utf16);
    assertThatThrownBy(() -> LeadReader.read(f, Map.of()))
        .isInstanceOfSatisfying(
            LeadFileException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(LeadFileException.Kind.BAD_HEADER);
              assertThat(e.getMessage()).endsWith("the file is UTF-16; save it as UTF-8");
            });
  }

  @Test
  void missingFileIsAUsageError() {
    Path f = dir.resolve("nope.csv");
    assertFails(
        () -> LeadReader.read(f, Map.of()),
        LeadFileException.Kind.MISSING_FILE,
        2,
        f + ": no such file");
    assertFails(
        () -> LeadReader.read(dir, Map.of()),
        LeadFileException.Kind.MISSING_FILE,
        2,
        dir + ": is a directory, not a lead list");
  }

  @Test
  void unknownMapColumnNamesTheAvailableOnesWithADidYouMean() {
    Path f = file("Lead ID,E-mail,Company\nA,a@x.io,Acme\n");
    assertFails(
        () -> LeadReader.read(f, LeadMapping.parse(List.of("id=Lead ID", "email=Email"))),
        LeadFileException.Kind.BAD_MAPPING,
        2,
        f
            + ": --map email=Email: the header has no column `Email`; did you mean `E-mail`?"
            + " (columns: Lead ID, E-mail, Company)");
    assertFails(
        () -> LeadReader.read(f, LeadMapping.parse(List.of("id=Identifier"))),
        LeadFileException.Kind.BAD_MAPPING,
        2,
        f
            + ": --map id=Identifier: the header has no column `Identifier` (columns: Lead ID, E-mail, Company)");
  }

  @Test
  void mapToAMisspelledFieldIsCaught() {
    Path f = file("id,E-mail\n");
    assertFails(
        () -> LeadReader.read(f, Map.of("emal", "E-mail")),
        LeadFileException.Kind.BAD_MAPPING,
        2,
        f + ": --map emal=E-mail: `emal` is not a lead field; did you mean `email`?");
  }

  @Test
  void mapToACustomFieldIsATemplateVariable() {
    Path f = file("id,Segment\nA,SMB\n");
    LeadReadResult r = LeadReader.read(f, Map.of("segment", "Segment"));
    assertThat(r.leads().get(0).field("segment")).contains("SMB");
  }

  @Test
  void mapThatClashesWithAnExistingColumnIsCaught() {
    Path f = file("id,email,E-mail\n");
    assertFails(
        () -> LeadReader.read(f, Map.of("email", "E-mail")),
        LeadFileException.Kind.BAD_MAPPING,
        2,
        f
            + ": --map email=E-mail: the header also has a column `email` for the field `email`; rename one of them");
  }

  @Test
  void oneColumnCannotFeedTwoFields() {
    Path f = file("id,Mail\n");
    assertThatThrownBy(
            () -> LeadReader.read(f, LeadMapping.parse(List.of("email=Mail", "owner=Mail"))))
        .isInstanceOfSatisfying(
            LeadFileException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(LeadFileException.Kind.BAD_MAPPING);
              assertThat(e.getMessage()).endsWith("column `Mail` is already mapped to `email`");
            });
  }

  @Test
  void mapSpecsAreParsedStrictly() {
    assertThat(LeadMapping.parse(List.of("email=E-mail", " id = Lead=ID ")))
        .containsExactly(Map.entry("email", "E-mail"), Map.entry("id", "Lead=ID"));
    assertFails(
        () -> LeadMapping.parse(List.of("email")),
        LeadFileException.Kind.BAD_MAPPING,
        2,
        "--map email: expected field=Column, e.g. --map email=E-mail");
    assertFails(
        () -> LeadMapping.parse(List.of("=E-mail")),
        LeadFileException.Kind.BAD_MAPPING,
        2,
        "--map =E-mail: expected field=Column, e.g. --map email=E-mail");
    assertFails(
        () -> LeadMapping.parse(List.of("email=A", "email=B")),
        LeadFileException.Kind.BAD_MAPPING,
        2,
        "--map email=B: field `email` is already mapped to `A`");
  }

  @Test
  void openChecksTheHeaderBeforeAnyRowIsRead() {
    Path f = file("id,email\nA,a@x.io\n");
    try (LeadReader reader = LeadReader.open(f, Map.of())) {
      assertThat(reader.header()).containsExactly("id", "email");
      assertThat(reader.headerLine()).isEqualTo(1);
      reader.forEach(l -> {}, r -> {});
      assertThatThrownBy(() -> reader.forEach(l -> {}, r -> {}))
          .isInstanceOf(IllegalStateException.class);
    }
  }
}
