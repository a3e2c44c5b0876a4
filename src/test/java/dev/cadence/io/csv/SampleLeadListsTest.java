package dev.cadence.io.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.cadence.model.Lead;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lead lists under samples/ read as their documentation says. */
class SampleLeadListsTest {
  private static final Path SAMPLES = Path.of("samples");

  /** The --map options that the CRM export needs. */
  static final List<String> CRM_MAP =
      List.of(
          "id=Record ID",
          "first_name=First Name",
          "last_name=Last Name",
          "email=E-mail",
          "company=Company Name",
          "title=Job Title",
          "phone=Phone Number",
          "region=Sales Region",
          "timezone=Time Zone",
          "owner=Account Owner",
          "do_not_contact=Opt Out");

  @TempDir Path dir;

  @Test
  void smallListLoadsTwentyLeadsAcrossFiveRegions() {
    LeadReadResult r = LeadReader.read(SAMPLES.resolve("leads-small.csv"), Map.of());
    assertThat(r.rejects()).as(r.toString()).isEmpty();
    assertThat(r.leads()).hasSize(20);
    Map<String, Long> byRegion =
        r.leads().stream()
            .collect(Collectors.groupingBy(l -> l.region().orElseThrow(), Collectors.counting()));
    assertThat(byRegion.keySet())
        .containsExactlyInAnyOrder("EMEA-FR", "EMEA-DE", "NA-EAST", "NA-WEST", "APAC");
    assertThat(r.leads())
        .filteredOn(Lead::doNotContact)
        .extracting(Lead::id)
        .containsExactly("L-0006");
    assertThat(r.leads()).filteredOn(l -> l.zone().isEmpty()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(r.leads())
        .allSatisfy(
            l -> {
              assertThat(l.email()).isPresent();
              assertThat(l.phone()).isPresent();
              assertThat(l.owner()).isPresent();
            });
  }

  @Test
  void crmExportNeedsTheMapAndThenLoadsWhole() {
    Path crm = SAMPLES.resolve("crm-export.csv");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> LeadReader.read(crm, Map.of()))
        .isInstanceOfSatisfying(
            LeadFileException.class,
            e -> assertThat(e.getMessage()).contains("the header has no `id` column"));
    LeadReadResult r = LeadReader.read(crm, LeadMapping.parse(CRM_MAP));
    assertThat(r.rejects()).as(r.toString()).isEmpty();
    assertThat(r.header().get(0)).as("BOM stripped").isEqualTo("Record ID");
    assertThat(r.leads())
        .extracting(Lead::id, Lead::line)
        .containsExactly(
            tuple("CRM-88410", 2L),
            tuple("CRM-88411", 4L),
            tuple("CRM-88412", 5L),
            tuple("CRM-88413", 6L),
            tuple("CRM-88414", 7L),
            tuple("CRM-88415", 8L));
    assertThat(r.leads().get(0).field("first_name")).contains("Élodie");
    assertThat(r.leads().get(0).field("Notes"))
        .contains("Met at the Lyon trade fair.\nAsked for a demo in Q3.");
    assertThat(r.leads())
        .filteredOn(Lead::doNotContact)
        .extracting(Lead::id)
        .containsExactly("CRM-88412");
    assertThat(r.leads().get(2).zone()).isEqualTo(Optional.empty());
  }

  @Test
  void badListHasOneRowOfEachKindAndGoodRowsGoOn() throws IOException {
    LeadReadResult r = LeadReader.read(SAMPLES.resolve("leads-bad.csv"), Map.of());
    assertThat(r.leads())
        .extracting(Lead::id, Lead::line)
        .containsExactly(tuple("L-101", 2L), tuple("L-109", 11L), tuple("L-112", 14L));
    assertThat(r.rejects())
        .extracting(RejectedRow::line, row -> row.reason().replaceAll("[:;(].*", ""))
        .containsExactly(
            tuple(3L, "missing id"),
            tuple(4L, "duplicate id `L-101` "),
            tuple(5L, "malformed email `tom.at.example`"),
            tuple(6L, "unknown time zone `Europe/Pari`"),
            tuple(7L, "ragged row"),
            tuple(8L, "ragged row"),
            tuple(9L, "bad do_not_contact `maybe`"),
            tuple(10L, "invalid UTF-8"),
            tuple(12L, "malformed email `@nowhere`"),
            tuple(13L, "text after a closing quote on line 13 "),
            tuple(15L, "unclosed quote"));
    Path out = dir.resolve("rejects.csv");
    RejectsWriter.write(out, r.header(), r.rejects());
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(12);
    assertThat(lines.get(0))
        .isEqualTo("id,email,first_name,company,region,timezone,do_not_contact,_line,_reason");
    assertThat(lines)
        .filteredOn(l -> l.startsWith("L-110,"))
        .singleElement()
        .satisfies(l -> assertThat(l).contains(",'@nowhere,", "\"'=HYPERLINK("));
  }
}
