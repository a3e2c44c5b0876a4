package dev.cadence.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.model.Lead;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeadReaderTest {
  @TempDir Path dir;

  private LeadReadResult read(String text) {
    return LeadReader.read(LeadFiles.write(dir, "leads.csv", text), Map.of());
  }

  @Test
  void loadsGoodRowsWithTheirKnownColumnsZoneAndPhysicalLine() {
    LeadReadResult r =
        read(
            "id,email,first_name,timezone,region,do_not_contact,industry\n"
                + "L-1,ana@example.com,Ana,Europe/Paris,EMEA-FR,,retail\n"
                + "L-2,bo@example.com,Bo,,NA-EAST,no,\n");
    assertThat(r.rejects()).as(r.toString()).isEmpty();
    assertThat(r.header())
        .containsExactly(
            "id", "email", "first_name", "timezone", "region", "do_not_contact", "industry");
    Lead ana = r.leads().get(0);
    assertThat(ana.id()).isEqualTo("L-1");
    assertThat(ana.email()).contains("ana@example.com");
    assertThat(ana.zone()).contains(ZoneId.of("Europe/Paris"));
    assertThat(ana.region()).contains("EMEA-FR");
    assertThat(ana.field("industry")).contains("retail");
    assertThat(ana.doNotContact()).isFalse();
    assertThat(ana.line()).isEqualTo(2);
    Lead bo = r.leads().get(1);
    assertThat(bo.zone()).isEmpty();
    assertThat(bo.field("industry")).isEmpty();
    assertThat(bo.line()).isEqualTo(3);
  }

  @Test
  void doNotContactLeadsAreLoadedAndFlagged() {
    LeadReadResult r = read("id,do_not_contact\nA,TRUE\nB,Yes\nC,1\nD,false\nE,NO\nF,0\nG,\n");
    assertThat(r.rejects()).as(r.toString()).isEmpty();
    assertThat(r.leads())
        .extracting(Lead::doNotContact)
        .containsExactly(true, true, true, false, false, false, false);
  }

  @Test
  void valuesAndHeaderNamesAreTrimmedAndKnownColumnsMatchIgnoringCase() {
    LeadReadResult r = read(" ID , Email ,Company\n  L-1 , ana@example.com ,Acme\n");
    assertThat(r.rejects()).as(r.toString()).isEmpty();
    Lead lead = r.leads().get(0);
    assertThat(lead.id()).isEqualTo("L-1");
    assertThat(lead.email()).contains("ana@example.com");
    assertThat(lead.field("company")).contains("Acme");
    assertThat(r.header()).containsExactly("ID", "Email", "Company");
  }

  @Test
  void crlfLoneCrBlankLinesAndNoFinalNewlineKeepPhysicalLineNumbers() {
    LeadReadResult r = read("id,email\r\nA,a@x.io\r\n\r\nB,b@x.io\rC,c@x.io\n\n\nD,d@x.io");
    assertThat(r.rejects()).as(r.toString()).isEmpty();
    assertThat(r.leads())
        .extracting(Lead::id, Lead::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("A", 2L),
            org.assertj.core.groups.Tuple.tuple("B", 4L),
            org.assertj.core.groups.Tuple.tuple("C", 5L),
            org.assertj.core.groups.Tuple.tuple("D", 8L));
  }

  @Test
  void quotedNewlinesKeepTheLineWhereEachRecordStarts() {
    LeadReadResult r =
        read(
            "id,notes,email\n"
                + "A,\"first line\nsecond line\nthird\",a@x.io\n"
                + "B,\"one, \"\"quoted\"\"\r\nand two\",not-an-email\n"
                + "C,plain,c@x.io\n"
                + "\"D\",\"\n\n\",d@x.io\n"
                + "E,,e@x.io\n");
    assertThat(r.leads())
        .extracting(Lead::id, Lead::line)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("A", 2L),
            org.assertj.core.groups.Tuple.tuple("C", 7L),
            org.assertj.core.groups.Tuple.tuple("D", 8L),
            org.assertj.core.groups.Tuple.tuple("E", 11L));
    assertThat(r.leads().get(0).field("notes")).contains("first line\nsecond line\nthird");
    assertThat(r.rejects())
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.line()).isEqualTo(5);
              assertThat(row.reason()).isEqualTo("malformed email `not-an-email`: it has no @");
              assertThat(row.fields())
                  .containsExactly("B", "one, \"quoted\"\r\nand two", "not-an-email");
            });
  }

  @Test
  void utf8BomIsSkippedAndMultiByteTextSurvives() {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Path file =
        LeadFiles.write(
            dir, "bom.csv", LeadFiles.bytes(bom, "id,first_name\nL-1,Zoë\nL-2,東京 😀\n"));
    LeadReadResult r = LeadReader.read(file, Map.of());
    assertThat(r.rejects()).as(r.toString()).isEmpty();
    assertThat(r.header()).containsExactly("id", "first_name");
    assertThat(r.leads())
        .extracting(l -> l.field("first_name").orElseThrow())
        .containsExactly("Zoë", "東京 😀");
    assertThat(r.leads()).extracting(Lead::line).containsExactly(2L, 3L);
  }

  @Test
  void mapRenamesForeignColumnsAndKeepsTheRestAsTemplateVariables() {
    Path file =
        LeadFiles.write(
            dir,
            "crm.csv",
            "Lead ID,E-mail,Given name,TZ,Score\nC-9,zoe@example.org,Zoé,Asia/Tokyo,88\n");
    LeadReadResult r =
        LeadReader.read(
            file,
            LeadMapping.parse(
                List.of("id=Lead ID", "email=E-mail", "first_name=Given name", "timezone=TZ")));
    assertThat(r.rejects()).as(r.toString()).isEmpty();
    Lead lead = r.leads().get(0);
    assertThat(lead.id()).isEqualTo("C-9");
    assertThat(lead.email()).contains("zoe@example.org");
    assertThat(lead.field("first_name")).contains("Zoé");
    assertThat(lead.zone()).contains(ZoneId.of("Asia/Tokyo"));
    assertThat(lead.field("Score")).contains("88");
    assertThat(lead.fields()).doesNotContainKeys("E-mail", "Lead ID");
    assertThat(r.header())
        .as("the rejects CSV keeps the file's own header")
        .containsExactly("Lead ID", "E-mail", "Given name", "TZ", "Score");
  }

  @Test
  void streamHandsEveryRowToOneConsumerInFileOrderAndCounts() {
    Path file = LeadFiles.write(dir, "s.csv", "id,email\nA,a@x.io\nB,bad\nC,c@x.io\n");
    List<String> seen = new ArrayList<>();
    LeadReadSummary s =
        LeadReader.stream(
            file,
            Map.of(),
            lead -> seen.add("lead " + lead.id()),
            row -> seen.add("reject " + row.line()));
    assertThat(seen).containsExactly("lead A", "reject 3", "lead C");
    assertThat(s.loaded()).isEqualTo(2);
    assertThat(s.rejected()).isEqualTo(1);
    assertThat(s.rows()).isEqualTo(3);
  }

  @Test
  void headerOnlyFileHasNoRows() {
    LeadReadResult r = read("id,email\n");
    assertThat(r.leads()).isEmpty();
    assertThat(r.rejects()).isEmpty();
  }

  @Test
  void aRowLongerThanTheReaderBuffersIsReadWhole() {
    String big = "x".repeat(200_000);
    LeadReadResult r = read("id,notes\nA," + big + "\nB,\"" + big + "\n" + big + "\"\nC,c\n");
    assertThat(r.rejects()).as(r.toString()).isEmpty();
    assertThat(r.leads()).extracting(Lead::line).containsExactly(2L, 3L, 5L);
    assertThat(r.leads().get(1).field("notes")).contains(big + "\n" + big);
  }

  @Test
  void leadZoneIsEmptyWhenTheColumnIsAbsent() {
    assertThat(read("id\nA\n").leads().get(0).zone()).isEqualTo(Optional.empty());
  }
}
