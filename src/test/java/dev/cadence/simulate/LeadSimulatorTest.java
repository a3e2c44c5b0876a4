package dev.cadence.simulate;

import static dev.cadence.simulate.SimulationFixtures.lead;
import static dev.cadence.simulate.SimulationFixtures.leads;
import static dev.cadence.simulate.SimulationFixtures.model;
import static dev.cadence.simulate.SimulationFixtures.play;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.TestCadences;
import dev.cadence.engine.Ending;
import dev.cadence.model.Cadence;
import dev.cadence.model.Lead;
import dev.cadence.model.OutcomeEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeadSimulatorTest {
  static final String OUTBOUND =
      """
      cadence: outbound
      schedule: { timezone: lead, fallback_timezone: Europe/Paris, window: "09:00-17:00", min_gap: 1h }
      exit_on: [replied, unsubscribed, bounced, meeting_booked]
      exits:
        not_interested: { status: Not interested, require: { email: 2, call: 1 } }
        interested: { status: Qualified }
        no_response: {}
      steps:
        - id: intro
          day: 1
          channel: email
          template: intro
          variants: { EMEA-FR: intro-fr }
        - id: call-1
          day: 2
          channel: call
          on:
            interested: { exit: interested }
            not_interested: { exit: not_interested }
        - id: follow-up
          day: 4
          channel: email
          template: follow
        - id: call-2
          day: 5
          channel: call
          on:
            interested: { exit: interested }
            not_interested: { exit: not_interested }
          next: { exit: no_response }
      """;

  static final Start MONDAY = new Start.OnDate(LocalDate.of(2026, 3, 2));
  static final ResponseModel DEFAULT = model(new String(readDefault()));

  static byte[] readDefault() {
    try (var in =
        LeadSimulatorTest.class.getResourceAsStream(
            "/dev/cadence/simulate/default-response-model.yaml")) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  final Cadence outbound = TestCadences.parse(OUTBOUND);

  @Test
  void theSameSeedGivesTheSameEventsAndAnotherSeedOtherEvents() {
    List<Lead> leads = leads(300, "EMEA-FR", "EMEA-DE");
    List<OutcomeEvent> a =
        play(
            new LeadSimulator(List.of(outbound), DEFAULT, 7, MONDAY, 100),
            leads,
            new SimulationStats());
    List<OutcomeEvent> b =
        play(
            new LeadSimulator(List.of(outbound), DEFAULT, 7, MONDAY, 100),
            leads,
            new SimulationStats());
    List<OutcomeEvent> c =
        play(
            new LeadSimulator(List.of(outbound), DEFAULT, 8, MONDAY, 100),
            leads,
            new SimulationStats());
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
  }

  @Test
  void aLeadsEventsDoNotDependOnTheOtherLeadsNorTheirOrder() {
    List<Lead> leads = leads(50, "EMEA-FR");
    LeadSimulator sim = new LeadSimulator(List.of(outbound), DEFAULT, 3, MONDAY, 100);
    List<OutcomeEvent> forward = play(sim, leads, new SimulationStats());
    List<Lead> reversed = new ArrayList<>(leads);
    Collections.reverse(reversed);
    List<OutcomeEvent> backward = play(sim, reversed, new SimulationStats());
    assertThat(backward).containsExactlyInAnyOrderElementsOf(forward);
    List<OutcomeEvent> alone = play(sim, List.of(leads.get(17)), new SimulationStats());
    assertThat(forward.stream().filter(e -> e.leadId().equals(leads.get(17).id())).toList())
        .isEqualTo(alone);
  }

  @Test
  void eachLeadsEventsAreInTimeOrderAndEveryResponseFollowsATouchOfItsStep() {
    List<OutcomeEvent> events =
        play(
            new LeadSimulator(List.of(outbound), DEFAULT, 11, MONDAY, 100),
            leads(400, "EMEA-FR", "NA-EAST"),
            new SimulationStats());
    java.util.Map<String, Instant> last = new java.util.HashMap<>();
    java.util.Set<String> touched = new java.util.HashSet<>();
    for (OutcomeEvent e : events) {
      Instant before = last.put(e.leadId(), e.at());
      assertThat(before == null || !e.at().isBefore(before)).as(e.toString()).isTrue();
      String key = e.leadId() + "/" + e.step();
      if (e.event().equals(e.channel().touchEvent())) {
        touched.add(key);
      } else {
        assertThat(touched).as("a response without its touch: " + e).contains(key);
        assertThat(e.channel().canProduce(e.event())).as(e.toString()).isTrue();
      }
    }
  }

  @Test
  void enrollsAtTheStartOfTheDateInTheLeadsZoneAndTouchesAtTheWindowOpening() {
    Lead ny = lead("NY1", "NA-EAST", "America/New_York");
    List<OutcomeEvent> events =
        play(
            new LeadSimulator(List.of(outbound), DEFAULT, 1, MONDAY, 100),
            List.of(ny),
            new SimulationStats());
    OutcomeEvent first = events.get(0);
    assertThat(first.event()).isEqualTo("sent");
    assertThat(first.step()).isEqualTo("intro");
    assertThat(first.at())
        .isEqualTo(Instant.parse("2026-03-02T14:00:00Z")); // 09:00 in New York (EST)
    assertThat(first.zone()).hasToString("America/New_York");
  }

  @Test
  void aRepliedEmailEndsTheEnrollmentOnItsExitOnEvent() {
    ResponseModel alwaysReplies = model("email: { opened: 1, replied: 1 }");
    SimulationStats stats = new SimulationStats();
    List<OutcomeEvent> events =
        play(
            new LeadSimulator(List.of(outbound), alwaysReplies, 1, MONDAY, 100),
            List.of(lead("L1", "EMEA-FR", "Europe/Paris")),
            stats);
    assertThat(events).extracting(OutcomeEvent::event).containsExactly("sent", "opened", "replied");
    assertThat(events.get(0).template()).isEqualTo("intro-fr");
    assertThat(stats.endings())
        .containsEntry(new SimulationStats.EndingKey("outbound", Ending.Kind.EVENT, "replied"), 1L);
    assertThat(stats.counts("outbound", "intro").exits()).isEqualTo(1);
    assertThat(stats.counts("outbound", "intro").responded()).isEqualTo(1);
  }

  @Test
  void aRefusedOutcomeFallsBackToCompletingWithoutOneAndIsCounted() {
    // Every call connects and the lead says no: on call-1 only one email was sent, so the guarded
    // exit is refused and the flow goes on; on call-2 the guard is met.
    ResponseModel saysNo = model("call: { connected: 1, outcomes: { not_interested: 1 } }");
    SimulationStats stats = new SimulationStats();
    List<OutcomeEvent> events =
        play(
            new LeadSimulator(List.of(outbound), saysNo, 1, MONDAY, 100),
            List.of(lead("L1", "EMEA-FR", "Europe/Paris")),
            stats);
    assertThat(events)
        .extracting(e -> e.step() + ":" + e.event())
        .containsExactly(
            "intro:sent",
            "call-1:called",
            "call-1:connected",
            "call-1:not_interested",
            "follow-up:sent",
            "call-2:called",
            "call-2:connected",
            "call-2:not_interested");
    assertThat(stats.refusals())
        .containsOnlyKeys(
            new SimulationStats.RefusalKey(
                "outbound",
                "call-1",
                "exit `not_interested` requires 2 email touch(es); only 1 performed"));
    assertThat(stats.endings())
        .containsOnlyKeys(
            new SimulationStats.EndingKey("outbound", Ending.Kind.EXIT, "not_interested"));
  }

  @Test
  void aHandoffToACadenceOfTheRunEnrollsTheLeadThere() {
    Cadence first =
        TestCadences.parse(
            """
        cadence: first
        steps:
          - { id: hello, day: 1, channel: email, template: hello, next: { handoff: second } }
        """);
    Cadence second =
        TestCadences.parse(
            """
        cadence: second
        steps:
          - { id: later, wait: 2d, channel: task }
        """);
    SimulationStats stats = new SimulationStats();
    List<OutcomeEvent> events =
        play(
            new LeadSimulator(
                List.of(first, second), model("email: { opened: 0 }"), 1, MONDAY, 100),
            List.of(lead("L1", "", "Europe/Paris")),
            stats);
    assertThat(events)
        .extracting(e -> e.cadence() + "/" + e.step() + ":" + e.event())
        .containsExactly("first/hello:sent", "second/later:done");
    assertThat(stats.enrollments()).containsEntry("first", 1L).containsEntry("second", 1L);
    assertThat(stats.endings())
        .containsKeys(
            new SimulationStats.EndingKey("first", Ending.Kind.HANDOFF, "second"),
            new SimulationStats.EndingKey("second", Ending.Kind.COMPLETED, ""));
    // Without the target cadence in the run, the lead stops at the handoff.
    List<OutcomeEvent> alone =
        play(
            new LeadSimulator(List.of(first), model("email: { opened: 0 }"), 1, MONDAY, 100),
            List.of(lead("L1", "", "Europe/Paris")),
            new SimulationStats());
    assertThat(alone).extracting(OutcomeEvent::step).containsExactly("hello");
  }

  @Test
  void anUnansweredApprovalLeavesTheLeadWaiting() {
    Cadence approval =
        TestCadences.parse(
            """
        cadence: approve
        steps:
          - { id: ask, day: 1, channel: approval, on: { rejected: { exit: no } } }
          - { id: ship, channel: task }
        exits: { no: {} }
        """);
    SimulationStats stats = new SimulationStats();
    List<OutcomeEvent> events =
        play(
            new LeadSimulator(
                List.of(approval), model("approval: { approved: 0 }"), 1, MONDAY, 100),
            List.of(lead("L1", "", "Europe/Paris")),
            stats);
    assertThat(events).extracting(OutcomeEvent::event).containsExactly("requested");
    assertThat(stats.waiting()).isEqualTo(1);
  }

  @Test
  void aCadenceThatLoopsIsStoppedAtTheTouchLimit() {
    Cadence loop =
        TestCadences.parse(
            """
        cadence: weekly
        steps:
          - { id: review, wait: 1w, channel: meeting, next: review }
        """);
    SimulationStats stats = new SimulationStats();
    List<OutcomeEvent> events =
        play(
            new LeadSimulator(List.of(loop), DEFAULT, 1, MONDAY, 25),
            List.of(lead("L1", "", "Europe/Paris")),
            stats);
    assertThat(events).hasSize(25);
    assertThat(stats.capped()).isEqualTo(1);
  }

  @Test
  void aDoNotContactLeadIsNeverTouched() {
    Lead dnc = new Lead("L9", Map.of("region", "EMEA-FR"), Optional.empty(), true, 0);
    SimulationStats stats = new SimulationStats();
    assertThat(
            play(
                new LeadSimulator(List.of(outbound), DEFAULT, 1, MONDAY, 100), List.of(dnc), stats))
        .isEmpty();
    assertThat(stats.endings())
        .containsOnlyKeys(
            new SimulationStats.EndingKey("outbound", Ending.Kind.SUPPRESSED, "do_not_contact"));
  }
}
