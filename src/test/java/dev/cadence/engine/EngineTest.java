package dev.cadence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.TestCadences;
import dev.cadence.model.Lead;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EngineTest {
  static final String QUALIFICATION =
      """
      cadence: q
      schedule: { timezone: lead, fallback_timezone: Europe/Paris, window: "09:00-17:00", min_gap: 1h }
      exit_on: [replied, unsubscribed]
      exits:
        not_interested: { status: Not interested, require: { email: 2, call: 1 } }
        won: { status: Qualified }
      steps:
        - id: intro
          day: 1
          channel: email
          template: intro
          on: { opened: check-call }
        - id: follow-up
          day: 3
          channel: email
          template: follow
        - id: check-call
          wait: 1d
          channel: call
          on:
            connected: qualify
            not_interested: { exit: not_interested }
        - id: qualify
          wait: 1d
          channel: call
          requires: [budget]
          next: { exit: won }
      """;

  final Engine engine = new Engine(TestCadences.parse(QUALIFICATION));
  final Lead lead =
      new Lead("L1", Map.of("email", "a@b.fr"), Optional.of(ZoneId.of("Europe/Paris")), false, 2);
  final Instant monday = Instant.parse("2026-11-30T07:00:00Z"); // 08:00 in Paris

  @Test
  void theFirstStepIsDueAtTheWindowOpeningOfDayOne() {
    Enrollment e = engine.enroll(lead, monday);
    assertThat(engine.due(e))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.step().id()).isEqualTo("intro");
              assertThat(d.at()).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
            });
  }

  @Test
  void anExitWhoseGuardIsNotMetIsRefusedWithItsReason() {
    Enrollment e = engine.enroll(lead, monday);
    e = engine.perform(e, "intro", Instant.parse("2026-11-30T08:00:00Z"));
    e = engine.respond(e, "intro", "opened", Instant.parse("2026-11-30T09:00:00Z")).state();
    assertThat(e.pending()).extracting(Pending::step).containsExactly("check-call");
    e = engine.perform(e, "check-call", Instant.parse("2026-12-01T09:00:00Z"));
    Result r =
        engine.complete(
            e,
            "check-call",
            Optional.of("not_interested"),
            Map.of(),
            Instant.parse("2026-12-01T09:05:00Z"));
    assertThat(r.refusal())
        .hasValueSatisfying(
            x ->
                assertThat(x.reason())
                    .isEqualTo(
                        "exit `not_interested` requires 2 email touch(es); only 1 performed"));
    assertThat(r.state()).isEqualTo(e);
  }

  @Test
  void requiredFieldsMustBeRecordedBeforeAStepCompletes() {
    Enrollment e = engine.enroll(lead, monday);
    e = engine.perform(e, "intro", Instant.parse("2026-11-30T08:00:00Z"));
    e = engine.respond(e, "intro", "opened", Instant.parse("2026-11-30T09:00:00Z")).state();
    e = engine.perform(e, "check-call", Instant.parse("2026-12-01T09:00:00Z"));
    e =
        engine
            .complete(
                e,
                "check-call",
                Optional.of("connected"),
                Map.of(),
                Instant.parse("2026-12-01T09:10:00Z"))
            .state();
    e = engine.perform(e, "qualify", Instant.parse("2026-12-02T09:10:00Z"));
    Result refused =
        engine.complete(
            e, "qualify", Optional.empty(), Map.of(), Instant.parse("2026-12-02T09:20:00Z"));
    assertThat(refused.refusal())
        .hasValueSatisfying(x -> assertThat(x.reason()).contains("requires budget"));
    Result done =
        engine.complete(
            e,
            "qualify",
            Optional.empty(),
            Map.of("budget", "10k"),
            Instant.parse("2026-12-02T09:20:00Z"));
    assertThat(done.state().ending())
        .hasValueSatisfying(
            end -> {
              assertThat(end.kind()).isEqualTo(Ending.Kind.EXIT);
              assertThat(end.name()).isEqualTo("won");
              assertThat(end.status()).contains("Qualified");
            });
  }

  @Test
  void anExitOnEventEndsTheEnrollmentAtOnce() {
    Enrollment e = engine.enroll(lead, monday);
    e = engine.perform(e, "intro", Instant.parse("2026-11-30T08:00:00Z"));
    e = engine.respond(e, "intro", "replied", Instant.parse("2026-11-30T10:00:00Z")).state();
    assertThat(e.isActive()).isFalse();
    assertThat(engine.due(e)).isEmpty();
    assertThat(e.ending().get().kind()).isEqualTo(Ending.Kind.EVENT);
  }

  @Test
  void doNotContactLeadsAreNeverTouched() {
    Lead dnc = new Lead("L2", Map.of(), Optional.empty(), true, 3);
    Enrollment e = engine.enroll(dnc, monday);
    assertThat(engine.due(e)).isEmpty();
    assertThat(e.ending().get().kind()).isEqualTo(Ending.Kind.SUPPRESSED);
  }

  @Test
  void anApprovalBlocksItsBranchUntilAnsweredAndAJoinWaitsForIt() {
    Engine invoice =
        new Engine(
            TestCadences.parse(
                """
        cadence: invoice
        exits: { rejected: { status: Closed } }
        steps:
          - id: order
            channel: task
            next: { fork: [payment-approval, pick] }
          - id: payment-approval
            channel: approval
            team: payments
            on: { rejected: { exit: rejected } }
          - id: pick
            channel: task
          - id: invoice
            channel: task
            after: [payment-approval]
          - id: ship
            channel: task
            after: [pick, invoice]
        """));
    Instant t = Instant.parse("2026-11-30T10:00:00Z");
    Enrollment e = invoice.enroll(lead, t);
    e = invoice.complete(e, "order", Optional.empty(), Map.of(), t).state();
    assertThat(invoice.due(e))
        .extracting(d -> d.step().id())
        .containsExactlyInAnyOrder("payment-approval", "pick");
    e = invoice.perform(e, "payment-approval", t);
    e = invoice.complete(e, "pick", Optional.empty(), Map.of(), t).state();
    assertThat(invoice.due(e))
        .as("the approval is pending an answer; nothing else can start")
        .isEmpty();
    e = invoice.complete(e, "payment-approval", Optional.of("approved"), Map.of(), t).state();
    assertThat(invoice.due(e)).extracting(d -> d.step().id()).containsExactly("invoice");
    e = invoice.complete(e, "invoice", Optional.empty(), Map.of(), t).state();
    assertThat(invoice.due(e)).extracting(d -> d.step().id()).containsExactly("ship");
    e = invoice.complete(e, "ship", Optional.empty(), Map.of(), t).state();
    assertThat(e.ending().get().kind()).isEqualTo(Ending.Kind.COMPLETED);
  }

  @Test
  void stepsDueAtTheSameInstantComeInIdOrderAndAStepIsReachedOnlyOnce() {
    Engine forked =
        new Engine(
            TestCadences.parse(
                """
        cadence: forked
        steps:
          - { id: start, channel: task, next: { fork: [zulu, alpha, mike] } }
          - { id: zulu, channel: task, next: done-step }
          - { id: alpha, channel: task, next: done-step }
          - { id: mike, channel: task, next: done-step }
          - { id: done-step, channel: task }
        """));
    Enrollment e = forked.enroll(lead, monday);
    Instant t = forked.due(e).get(0).at();
    e = forked.complete(e, "start", Optional.empty(), Map.of(), t).state();
    assertThat(forked.due(e))
        .extracting(d -> d.step().id())
        .containsExactly("alpha", "mike", "zulu");
    assertThat(forked.due(e)).extracting(Due::at).containsOnly(t);
    // Two branches reaching the same step while it is pending reach it once.
    e = forked.complete(e, "alpha", Optional.empty(), Map.of(), t).state();
    e = forked.complete(e, "mike", Optional.empty(), Map.of(), t).state();
    assertThat(e.pending()).extracting(Pending::step).containsExactly("zulu", "done-step");
  }
}
