package dev.cadence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.TestCadences;
import dev.cadence.model.Lead;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Forks, joins and refusals: cases found in review, each once a real bug. */
class EngineJoinsAndForksTest {
  final Lead lead =
      new Lead("L1", Map.of("email", "a@b.fr"), Optional.of(ZoneId.of("Europe/Paris")), false, 2);
  final Instant t = Instant.parse("2026-11-30T10:00:00Z");

  @Test
  void aForkedBranchDoesNotFallThroughIntoItsSiblingSoNothingRunsTwice() {
    Engine engine =
        new Engine(
            TestCadences.parse(
                """
        cadence: f
        steps:
          - id: start
            channel: task
            next: { fork: [zapprove, pack] }
          - id: zapprove
            channel: task
          - id: pack
            channel: task
          - id: notify
            channel: email
            template: t
        """));
    var plan = DefaultPath.plan(engine, lead, t, 50);
    assertThat(plan.touches())
        .extracting(d -> d.step().id() + "#" + d.visit())
        .containsExactlyInAnyOrder("start#1", "zapprove#1", "pack#1");
    assertThat(plan.end().ending().get().kind()).isEqualTo(Ending.Kind.COMPLETED);
  }

  @Test
  void aJoinInsideALoopFiresAgainOnTheNextPassOnlyWhenAllItsStepsCompletedAgain() {
    Engine engine =
        new Engine(
            TestCadences.parse(
                """
        cadence: loop
        exits: { done: {} }
        steps:
          - id: start
            wait: 1d
            channel: task
            next: { fork: [a, b] }
          - id: a
            channel: task
          - id: b
            channel: task
          - id: j
            channel: call
            after: [a, b]
            on: { no_answer: start, connected: { exit: done } }
        """));
    Enrollment e = engine.enroll(lead, t);
    for (int round = 1; round <= 2; round++) {
      e = engine.complete(e, "start", Optional.empty(), Map.of(), t).state();
      e = engine.complete(e, "a", Optional.empty(), Map.of(), t).state();
      assertThat(e.pending())
          .extracting(Pending::step)
          .as("round %d: j waits for b", round)
          .containsExactly("b");
      e = engine.complete(e, "b", Optional.empty(), Map.of(), t).state();
      assertThat(e.pending()).extracting(Pending::step).as("round %d", round).containsExactly("j");
      e =
          engine
              .complete(e, "j", Optional.of(round == 1 ? "no_answer" : "connected"), Map.of(), t)
              .state();
    }
    assertThat(e.ending().get().name()).isEqualTo("done");
  }

  @Test
  void aStepRedirectedByAnOutcomeDoesNotStartTheJoinWaitingOnIt() {
    Engine engine =
        new Engine(
            TestCadences.parse(
                """
        cadence: inv
        steps:
          - id: ask
            channel: approval
            on: { rejected: rework }
          - id: rework
            wait: 1d
            channel: task
            next: ask
          - id: invoice
            channel: task
            after: [ask]
        """));
    Enrollment e = engine.enroll(lead, t);
    e = engine.perform(e, "ask", t);
    e = engine.complete(e, "ask", Optional.of("rejected"), Map.of(), t).state();
    assertThat(e.pending()).extracting(Pending::step).containsExactly("rework");
    e = engine.complete(e, "rework", Optional.empty(), Map.of(), t).state();
    e = engine.perform(e, "ask", t);
    e = engine.complete(e, "ask", Optional.of("approved"), Map.of(), t).state();
    assertThat(e.pending()).extracting(Pending::step).containsExactly("invoice");
  }

  @Test
  void aRefusedResponseLeavesTheEnrollmentAsItWas() {
    Engine engine =
        new Engine(
            TestCadences.parse(
                """
        cadence: r
        exits: { not_interested: { require: { call: 1 } } }
        steps:
          - id: intro
            channel: email
            template: t
            on: { clicked: { exit: not_interested } }
          - id: call
            wait: 2d
            channel: call
        """));
    Enrollment e = engine.perform(engine.enroll(lead, t), "intro", t);
    Result r = engine.respond(e, "intro", "clicked", t.plusSeconds(60));
    assertThat(r.isRefused()).isTrue();
    assertThat(r.state()).isEqualTo(e);
    assertThat(r.state().pending()).extracting(Pending::step).isEqualTo(List.of("call"));
  }

  @Test
  void anEmailWhoseDefaultExitIsGuardedStopsThePlanWithTheReason() {
    Engine engine =
        new Engine(
            TestCadences.parse(
                """
        cadence: g
        exits: { lost: { require: { call: 1 } } }
        steps:
          - id: intro
            channel: email
            template: t
            next: { exit: lost }
        """));
    var plan = DefaultPath.plan(engine, lead, t, 50);
    assertThat(plan.stop())
        .hasValueSatisfying(
            s -> assertThat(s).contains("stops after `intro`").contains("requires 1 call"));
  }
}
