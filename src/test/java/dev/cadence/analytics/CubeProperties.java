package dev.cadence.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of the touch cube over random event lists: the counts add up, whatever the threads.
 */
class CubeProperties {
  private static final List<String> EVENTS =
      List.of(
          "sent",
          "called",
          "opened",
          "opened",
          "bounced",
          "replied",
          "connected",
          "clicked",
          "no_answer");

  record Ev(int lead, int cadence, int step, int minute, int event) {}

  @Provide
  Arbitrary<List<Ev>> logs() {
    Arbitrary<Ev> ev =
        Combinators.combine(
                Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 1),
                Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 6 * 1440),
                Arbitraries.integers().between(0, EVENTS.size() - 1))
            .as(Ev::new);
    return ev.list().ofMaxSize(80);
  }

  @Property(tries = 200)
  void countsAddUp(@ForAll("logs") List<Ev> log) {
    RawEvents.Builder b = RawEvents.builder();
    Set<String> touchedPairs = new HashSet<>();
    Set<String> touches = new HashSet<>();
    for (Ev e : log) {
      String event = EVENTS.get(e.event());
      String channel =
          event.equals("called") || event.equals("connected") || event.equals("no_answer")
              ? "call"
              : "email";
      b.add(
          Instant.parse("2026-03-02T00:00:00Z").plusSeconds(60L * e.minute()),
          "L" + e.lead(),
          "c" + e.cadence(),
          "s" + e.step(),
          channel,
          "t",
          "R" + e.lead() % 2,
          event);
      if (event.equals("sent") || event.equals("called")) {
        touchedPairs.add(e.lead() + "/" + e.cadence());
        touches.add(e.lead() + "/" + e.cadence() + "/" + e.step() + "/" + e.minute());
      }
    }
    RawEvents raw = b.build();
    TouchCube one = TouchCube.build(raw, 1);
    TouchCube three = TouchCube.build(raw, 3);
    assertThat(three.cells()).isEqualTo(one.cells());
    long total = 0;
    long exits = 0;
    for (int i = 0; i < one.cells().size(); i++) {
      TouchCell c = one.cells().get(i);
      assertThat(c.opened() + c.bounced()).isLessThanOrEqualTo(c.touches());
      assertThat(c.responded()).isLessThanOrEqualTo(c.touches());
      assertThat(c.position() == 1).isEqualTo(c.gapDays() == TouchCell.NO_GAP);
      total += c.touches();
      exits += one.exits(i);
    }
    // One touch per distinct (lead, cadence, step, instant); one exit per (lead, cadence) touched.
    assertThat(total).isEqualTo(touches.size());
    assertThat(exits).isEqualTo(touchedPairs.size());
    assertThat(one.totals().leads())
        .isEqualTo(touchedPairs.stream().map(p -> p.split("/")[0]).distinct().count());
    Analysis a =
        Analysis.of(one, new DataQuality(), raw.sources(), List.of(), List.of(), List.of());
    for (String table :
        List.of(
            Rollups.RESPONSE_RATE_BY_GAP,
            Rollups.RESPONSE_RATE_BY_POSITION_CHANNEL,
            Rollups.FUNNEL)) {
      assertThat(a.table(table).table().longColumn("touches").sum())
          .as(table)
          .isEqualTo((double) total);
    }
  }
}
