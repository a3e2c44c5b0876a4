package dev.cadence.simulate;

import static dev.cadence.simulate.SimulationFixtures.leads;
import static dev.cadence.simulate.SimulationFixtures.model;
import static dev.cadence.simulate.SimulationFixtures.play;
import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.TestCadences;
import dev.cadence.model.Cadence;
import dev.cadence.model.OutcomeEvent;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rates measured on a simulated log, the way analyze measures them, come close to the model's. */
class ConvergenceTest {
  static final Start MONDAY = new Start.OnDate(LocalDate.of(2026, 3, 2));

  static final ResponseModel MODEL =
      model(
          """
      email:
        bounced: 0.05
        opened: 0.40
        replied: 0.20
      call: { connected: 0.25, voicemail: 0.5 }
      multipliers:
        region:
          EMEA-FR: { opened: 1.25 }
          EMEA-DE: { replied: 1.5 }
        position:
          3: { email.replied: 0.5, call.connected: 1.6 }
        gap:
          1: { replied: 0.5 }
      """);

  /** Per region or position: touches, and touches with each event. */
  record Counts(Map<String, Integer> touches, Map<String, Map<String, Integer>> withEvent) {
    Counts() {
      this(new HashMap<>(), new HashMap<>());
    }

    double rate(String group, String event, String outOf) {
      int n = outOf == null ? touches.getOrDefault(group, 0) : with(group, outOf);
      return (double) with(group, event) / n;
    }

    int with(String group, String event) {
      return withEvent.getOrDefault(group, Map.of()).getOrDefault(event, 0);
    }
  }

  /** Counts each touch once per event, grouped by {@code group(touch event)}. */
  static Counts count(
      List<OutcomeEvent> events, java.util.function.Function<OutcomeEvent, String> group) {
    Counts c = new Counts();
    Map<String, String> groupOfTouch = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (OutcomeEvent e : events) {
      String touch = e.leadId() + "/" + e.step();
      if (e.event().equals(e.channel().touchEvent())) {
        String g = group.apply(e);
        groupOfTouch.put(touch, g);
        c.touches().merge(g, 1, Integer::sum);
      } else if (seen.add(touch + "/" + e.event())) {
        c.withEvent()
            .computeIfAbsent(groupOfTouch.get(touch), k -> new HashMap<>())
            .merge(e.event(), 1, Integer::sum);
      }
    }
    return c;
  }

  @Test
  void openAndReplyRatesByRegionConvergeToTheModelsWithItsMultipliers() {
    Cadence one =
        TestCadences.parse(
            """
        cadence: one
        steps:
          - { id: hello, day: 1, channel: email, template: hello }
        """);
    List<OutcomeEvent> events =
        play(
            new LeadSimulator(List.of(one), MODEL, 42, MONDAY, 10),
            leads(20_000, "EMEA-FR", "EMEA-DE"),
            new SimulationStats());
    Counts byRegion = count(events, OutcomeEvent::region);
    assertThat(byRegion.touches())
        .containsEntry("EMEA-FR", 10_000)
        .containsEntry("EMEA-DE", 10_000);
    for (String region : List.of("EMEA-FR", "EMEA-DE")) {
      int sent = byRegion.touches().get(region);
      int delivered = sent - byRegion.with(region, "bounced");
      assertThat((double) byRegion.with(region, "bounced") / sent)
          .as("bounce rate " + region)
          .isCloseTo(0.05, within(0.015));
      double openRate = (double) byRegion.with(region, "opened") / delivered;
      double replyRate = byRegion.rate(region, "replied", "opened");
      double expectedOpen = region.equals("EMEA-FR") ? 0.50 : 0.40;
      double expectedReply = region.equals("EMEA-DE") ? 0.30 : 0.20;
      assertThat(openRate).as("open rate " + region).isCloseTo(expectedOpen, within(0.015));
      assertThat(replyRate)
          .as("reply rate (of opened) " + region)
          .isCloseTo(expectedReply, within(0.02));
    }
  }

  @Test
  void positionAndGapMultipliersRehearseTheThirdEmailAgainstACall() {
    // Two cadences with the same first two emails: the third touch is an email in one, a call in
    // the other. Daily touches (gap 1) halve replies.
    Cadence emails =
        TestCadences.parse(
            """
        cadence: emails
        steps:
          - { id: e1, day: 1, channel: email, template: a }
          - { id: e2, day: 4, channel: email, template: b }
          - { id: third, day: 7, channel: email, template: c }
        """);
    Cadence daily =
        TestCadences.parse(
            """
        cadence: daily
        steps:
          - { id: e1, day: 2, channel: email, template: a }
          - { id: e2, day: 3, channel: email, template: b }
          - { id: third, day: 4, channel: call }
        """);
    var leads = leads(20_000, "NA-EAST");
    Counts third =
        count(
            play(
                new LeadSimulator(List.of(emails), MODEL, 5, MONDAY, 10),
                leads,
                new SimulationStats()),
            OutcomeEvent::step);
    Counts call =
        count(
            play(
                new LeadSimulator(List.of(daily), MODEL, 5, MONDAY, 10),
                leads,
                new SimulationStats()),
            OutcomeEvent::step);
    // email 3 at position 3 after a 3-day gap: replied 0.20 * 0.5 of opened
    assertThat(third.rate("third", "replied", "opened")).isCloseTo(0.10, within(0.02));
    assertThat(third.rate("e2", "replied", "opened")).isCloseTo(0.20, within(0.02));
    // the daily second email: gap 1 halves replies
    assertThat(call.rate("e2", "replied", "opened")).isCloseTo(0.10, within(0.02));
    // the call at position 3 (gap 1 does not touch `connected`): 0.25 * 1.6
    assertThat(call.rate("third", "connected", null)).isCloseTo(0.40, within(0.015));
    assertThat(call.rate("third", "voicemail", null))
        .isCloseTo(0.50, within(0.015)); // 0.4 + 0.5 <= 1: not scaled
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
