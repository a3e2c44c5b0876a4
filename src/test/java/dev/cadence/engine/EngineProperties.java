package dev.cadence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.TestCadences;
import dev.cadence.model.Cadence;
import dev.cadence.model.Channel;
import dev.cadence.model.Lead;
import dev.cadence.model.Outcomes;
import dev.cadence.schedule.Calendar;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** Invariants of the engine, over random enrollment times, zones and responses. */
class EngineProperties {
  /** A branching cadence with a loop (with a wait), a fork/join and an approval. */
  static final Cadence CADENCE =
      TestCadences.parse(
          """
      cadence: props
      schedule:
        timezone: lead
        fallback_timezone: America/New_York
        business_days: [MON, TUE, WED, THU, FRI]
        window: "09:00-17:00"
        holidays: [2026-12-25, 2027-01-01]
        min_gap: 4h
      exit_on: [replied, unsubscribed, bounced]
      exits:
        not_interested: { require: { email: 1, call: 1 } }
        won: {}
      steps:
        - id: intro
          day: 1
          channel: email
          template: t
          on: { opened: call }
        - id: follow
          day: 3
          channel: email
          template: t
        - id: call
          wait: 1d
          channel: call
          on:
            no_answer: retry
            connected: { fork: [approval, prep] }
            not_interested: { exit: not_interested }
        - id: retry
          wait: 2d
          channel: call
          on: { no_answer: call }
          next: { exit: not_interested }
        - id: approval
          channel: approval
          on: { rejected: { exit: not_interested } }
        - id: prep
          channel: task
        - id: close
          channel: task
          after: [approval, prep]
          next: { exit: won }
      """);

  static final List<String> ZONES =
      List.of(
          "Europe/Paris",
          "America/New_York",
          "Asia/Kolkata",
          "Australia/Lord_Howe",
          "America/St_Johns",
          "Pacific/Chatham",
          "Europe/London");

  @Provide
  Arbitrary<String> zones() {
    return Arbitraries.of(ZONES);
  }

  /** Plays a random life: responses drawn from each channel's vocabulary, times from the engine. */
  static List<Due> play(
      Engine engine, Lead lead, Instant start, long seed, List<Enrollment> states) {
    Random random = new Random(seed);
    Enrollment e = engine.enroll(lead, start);
    List<Due> performed = new ArrayList<>();
    for (int guard = 0; guard < 500 && e.isActive(); guard++) {
      states.add(e);
      List<Due> due = engine.due(e);
      if (due.isEmpty()) {
        // Only outcomes awaited: answer one of them.
        Pending waiting = e.pending().get(random.nextInt(e.pending().size()));
        Channel c = engine.cadence().step(waiting.step()).get().channel();
        e = answer(engine, e, waiting.step(), c, random, waiting.performedAt());
        continue;
      }
      Due next = due.get(0);
      performed.add(next);
      e = engine.perform(e, next.step().id(), next.at());
      if (random.nextInt(4) == 0 && e.isActive()) {
        List<String> responses = new ArrayList<>(next.step().channel().responses());
        if (!responses.isEmpty()) {
          responses.sort(String::compareTo);
          e =
              engine
                  .respond(
                      e,
                      next.step().id(),
                      responses.get(random.nextInt(responses.size())),
                      next.at().plusSeconds(600))
                  .state();
        }
      }
    }
    states.add(e);
    return performed;
  }

  private static Enrollment answer(
      Engine engine, Enrollment e, String step, Channel c, Random random, Instant at) {
    List<String> outcomes = new ArrayList<>(c.responses());
    outcomes.addAll(Outcomes.GENERAL);
    outcomes.sort(String::compareTo);
    Optional<String> outcome =
        random.nextInt(3) == 0
            ? Optional.empty()
            : Optional.of(outcomes.get(random.nextInt(outcomes.size())));
    Result r = engine.complete(e, step, outcome, Map.of("budget", "1"), at.plusSeconds(60));
    return r.isRefused()
        ? engine.complete(e, step, Optional.empty(), Map.of(), at.plusSeconds(60)).state()
        : r.state();
  }

  @Property(tries = 300)
  void noStepVisitIsPerformedTwice(
      @ForAll("zones") String zone,
      @ForAll @LongRange(min = 1_780_000_000L, max = 1_830_000_000L) long epoch,
      @ForAll long seed) {
    Engine engine = new Engine(CADENCE);
    Lead lead = new Lead("L", Map.of(), Optional.of(ZoneId.of(zone)), false, 1);
    List<Enrollment> states = new ArrayList<>();
    List<Due> performed = play(engine, lead, Instant.ofEpochSecond(epoch), seed, states);
    assertThat(performed).as("the first step is always performed").isNotEmpty();
    net.jqwik.api.statistics.Statistics.collect(
        performed.stream().anyMatch(d -> d.visit() > 1) ? "looped" : "no loop");
    Set<String> seen = new HashSet<>();
    for (Due d : performed) {
      assertThat(seen.add(d.step().id() + "#" + d.visit()))
          .as("performed twice: %s in %s", d, performed)
          .isTrue();
    }
    Enrollment last = states.get(states.size() - 1);
    assertThat(last.touches()).hasSize(performed.size());
  }

  @Property(tries = 300)
  void dueTimesFallInsideTheWindowOnABusinessDay(
      @ForAll("zones") String zone,
      @ForAll @LongRange(min = 1_780_000_000L, max = 1_830_000_000L) long epoch,
      @ForAll long seed) {
    Engine engine = new Engine(CADENCE);
    ZoneId z = ZoneId.of(zone);
    Lead lead = new Lead("L", Map.of(), Optional.of(z), false, 1);
    Calendar calendar = new Calendar(CADENCE.schedule(), z);
    Instant start = Instant.ofEpochSecond(epoch);
    for (Due d : play(engine, lead, start, seed, new ArrayList<>())) {
      assertThat(calendar.isOpen(d.at())).as("%s at %s", d.step().id(), d.at().atZone(z)).isTrue();
      assertThat(d.at()).isAfterOrEqualTo(start);
    }
  }

  @Property(tries = 300)
  void everyEnrollmentEndsOrWaitsOnAPersonInFiniteSteps(
      @ForAll("zones") String zone, @ForAll long seed) {
    Engine engine = new Engine(CADENCE);
    Lead lead = new Lead("L", Map.of(), Optional.of(ZoneId.of(zone)), false, 1);
    List<Enrollment> states = new ArrayList<>();
    play(engine, lead, Instant.parse("2026-12-20T12:00:00Z"), seed, states);
    Enrollment last = states.get(states.size() - 1);
    assertThat(last.isActive()).as("still active after 500 events: %s", last).isFalse();
  }

  @Property(tries = 200)
  void touchesOfOneLeadAreAtLeastMinGapApart(@ForAll("zones") String zone, @ForAll long seed) {
    Engine engine = new Engine(CADENCE);
    Lead lead = new Lead("L", Map.of(), Optional.of(ZoneId.of(zone)), false, 1);
    List<Due> performed =
        play(engine, lead, Instant.parse("2027-03-25T12:00:00Z"), seed, new ArrayList<>());
    for (int i = 1; i < performed.size(); i++) {
      assertThat(java.time.Duration.between(performed.get(i - 1).at(), performed.get(i).at()))
          .isGreaterThanOrEqualTo(CADENCE.schedule().minGap());
    }
  }
}
