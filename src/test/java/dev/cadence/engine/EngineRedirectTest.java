package dev.cadence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.TestCadences;
import dev.cadence.model.Lead;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A response redirect ({@code on: {replied: X}} on an email) supersedes the default path that the
 * email's completion started, however far that path got when the response arrives.
 */
class EngineRedirectTest {
  private static final String CADENCE =
      """
      cadence: r
      schedule: { timezone: Europe/Paris, window: "09:00-17:00" }
      exit_on: [unsubscribed]
      exits:
        booked: { status: Meeting }
      steps:
        - { id: intro, day: 1, channel: email, template: intro, on: { replied: meeting } }
        - { id: follow-up, day: 3, channel: email, template: follow }
        - { id: nudge-call, day: 5, channel: call }
        - { id: last-email, day: 8, channel: email, template: last }
        - { id: meeting, channel: task, next: { exit: booked } }
      """;

  private final Engine engine = new Engine(TestCadences.parse(CADENCE));
  private final Lead lead = new Lead("L1", Map.of(), Optional.empty(), false, 2);
  private final Instant monday = Instant.parse("2026-11-30T07:00:00Z");

  private Enrollment performDue(Enrollment e, String expected) {
    Due due = engine.due(e).get(0);
    assertThat(due.step().id()).isEqualTo(expected);
    return engine.perform(e, due.step().id(), due.at());
  }

  @Test
  void aReplyBeforeTheDefaultSuccessorRanReplacesIt() {
    Enrollment e = performDue(engine.enroll(lead, monday), "intro");
    assertThat(e.pending()).extracting(Pending::step).containsExactly("follow-up");
    e = engine.respond(e, "intro", "replied", Instant.parse("2026-11-30T10:00:00Z")).state();
    assertThat(e.pending()).extracting(Pending::step).containsExactly("meeting");
  }

  @Test
  void aReplyAfterTheDefaultSuccessorRanTakesOverFromThere() {
    Enrollment e = performDue(engine.enroll(lead, monday), "intro");
    e = performDue(e, "follow-up"); // the default path went on: nudge-call is next
    assertThat(e.pending()).extracting(Pending::step).containsExactly("nudge-call");
    Result r = engine.respond(e, "intro", "replied", Instant.parse("2026-12-03T10:00:00Z"));
    // Before the fix the meeting was added beside nudge-call: two paths at once.
    assertThat(r.isRefused()).isFalse();
    assertThat(r.state().pending()).extracting(Pending::step).containsExactly("meeting");
    assertThat(r.state().touches()).extracting(Touch::step).containsExactly("intro", "follow-up");
    Enrollment end =
        engine
            .complete(
                r.state(),
                "meeting",
                Optional.empty(),
                Map.of(),
                Instant.parse("2026-12-03T11:00:00Z"))
            .state();
    assertThat(end.ending()).hasValueSatisfying(x -> assertThat(x.name()).isEqualTo("booked"));
  }

  @Test
  void aReplyAfterACallOfTheDefaultPathWasMadeCancelsTheCallsOutcomeToo() {
    Enrollment e = performDue(engine.enroll(lead, monday), "intro");
    e = performDue(e, "follow-up");
    e = performDue(e, "nudge-call"); // made, its outcome not recorded yet
    assertThat(e.pending())
        .singleElement()
        .satisfies(p -> assertThat(p.isAwaitingOutcome()).isTrue());
    Enrollment redirected =
        engine.respond(e, "intro", "replied", Instant.parse("2026-12-07T10:00:00Z")).state();
    assertThat(redirected.pending()).extracting(Pending::step).containsExactly("meeting");
    Result late =
        engine.complete(
            redirected,
            "nudge-call",
            Optional.of("connected"),
            Map.of(),
            Instant.parse("2026-12-07T10:30:00Z"));
    assertThat(late.refusal())
        .hasValueSatisfying(x -> assertThat(x.reason()).contains("not pending"));
    assertThat(late.state()).isEqualTo(redirected);
  }

  @Test
  void aReplyInOneBranchOfAForkLeavesTheOtherBranchAlone() {
    String forked =
        """
        cadence: f
        schedule: { timezone: Europe/Paris, window: "09:00-17:00" }
        steps:
          - { id: start, channel: task, next: { fork: [mail, call] } }
          - { id: mail, channel: email, template: t, on: { replied: thanks } }
          - { id: mail-2, channel: email, template: t, wait: 2d }
          - { id: call, channel: call, wait: 1d }
          - { id: thanks, channel: task }
        """;
    Engine forkEngine = new Engine(TestCadences.parse(forked));
    Enrollment e = forkEngine.enroll(lead, monday);
    e = forkEngine.perform(e, "start", Instant.parse("2026-11-30T08:00:00Z"));
    e =
        forkEngine
            .complete(e, "start", Optional.empty(), Map.of(), Instant.parse("2026-11-30T08:00:00Z"))
            .state();
    assertThat(e.pending()).extracting(Pending::step).containsExactlyInAnyOrder("mail", "call");
    e = forkEngine.perform(e, "mail", Instant.parse("2026-11-30T08:00:00Z"));
    Enrollment redirected =
        forkEngine.respond(e, "mail", "replied", Instant.parse("2026-11-30T12:00:00Z")).state();
    // The call of the other branch goes on; only what the mail started is superseded.
    assertThat(redirected.pending())
        .extracting(Pending::step)
        .containsExactlyInAnyOrder("call", "thanks");
  }
}
