package dev.cadence.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollupsTest {
  /**
   * Free text in a column (a template or region per line) makes more distinct values than
   * Tablesaw's text group-by can key (65,535): the roll-ups must still come out, in text order.
   */
  @Test
  void moreThanSixtyFiveThousandDistinctTemplatesAndRegions() {
    RawEvents.Builder b = RawEvents.builder();
    Instant at = Instant.parse("2026-03-02T09:00:00Z");
    int n = 70_000;
    for (int i = 0; i < n; i++) {
      String template = "t" + i;
      b.add(at, "L" + i, "c", "intro", "email", template, "R" + (i % 66_000), "sent");
      if (i % 7 == 0) {
        b.add(
            at.plusSeconds(60),
            "L" + i,
            "c",
            "intro",
            "email",
            template,
            "R" + (i % 66_000),
            "opened");
      }
    }
    List<ReportTable> tables = Rollups.all(TouchCube.build(b.build(), 2));
    ReportTable byTemplate = tables.get(1);
    assertThat(byTemplate.name()).isEqualTo(Rollups.OPEN_RATE_BY_REGION_TEMPLATE);
    assertThat(byTemplate.table().rowCount()).isEqualTo(n);
    assertThat(byTemplate.table().longColumn("sent").sum()).isEqualTo(n);
    assertThat(byTemplate.table().longColumn("opened").sum()).isEqualTo((n + 6) / 7);
    ReportTable byRegion = tables.get(0);
    assertThat(byRegion.table().rowCount()).isEqualTo(66_000);
    assertThat(byRegion.table().stringColumn("region").get(0)).isEqualTo("R0");
    assertThat(byRegion.table().stringColumn("region").get(1))
        .isEqualTo("R1"); // text order: R1 before R10
    assertThat(byRegion.table().stringColumn("region").get(2)).isEqualTo("R10");
    assertThat(tables.get(4).table().longColumn("touches").sum()).isEqualTo(n);
  }
}
