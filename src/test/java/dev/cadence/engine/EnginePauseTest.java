package dev.cadence.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.TestCadences;
import dev.cadence.model.Lead;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A lead away (an out-of-office reply): nothing falls due before the pause ends. */
class EnginePauseTest {
  static final String THREE_EMAILS =
      """
      cadence: p
      schedule: { timezone: lead, window: "09:00-17:00", min_gap: 2d }
      steps:
        - { id: one, day: 1, channel: email, template: one }
        - { id: two, day: 3, channel: email, template: two }
        - { id: three, day: 4, channel: email, template: three }
      """;

  final Engine engine = new Engine(TestCadences.parse(THREE_EMAILS));
  final Lead lead =
      new Lead("L1", Map.of("email", "a@b.fr"), Optional.of(ZoneId.of("Europe/Paris")), false, 2);
  final Instant monday = Instant.parse("2026-11-30T07:00:00Z"); // 08:00 in Paris

  @Test
  void aStepDueDuringThePauseFallsDueAtTheFirstOpeningAfterIt() {
    Enrollment e = engine.enroll(lead, monday);
    e = engine.perform(e, "one", Instant.parse("2026-11-30T08:00:00Z"));
    // Back on Thursday 10 December: paused until the day after, Friday 00:00 in Paris.
    e = e.pausedUntil(Instant.parse("2026-12-10T23:00:00Z"));
    assertThat(engine.due(e))
        .singleElement()
        .satisfies(d -> assertThat(d.at()).isEqualTo(Instant.parse("2026-12-11T08:00:00Z")));
  }

  @Test
  void theStepAfterAPauseKeepsItsMinGapFromTheTouchActuallyMade() {
    Enrollment e = engine.enroll(lead, monday);
    e = engine.perform(e, "one", Instant.parse("2026-11-30T08:00:00Z"));
    e = e.pausedUntil(Instant.parse("2026-12-10T23:00:00Z"));
    Instant resumed = engine.due(e).get(0).at();
    e = engine.perform(e, "two", resumed);
    Instant third = engine.due(e).get(0).at();
    assertThat(Duration.between(resumed, third)).isGreaterThanOrEqualTo(Duration.ofDays(2));
  }

  @Test
  void aShorterPauseNeverShortensALongerOneAndAPastPauseChangesNothing() {
    Enrollment e = engine.enroll(lead, monday);
    Instant before = engine.due(e).get(0).at();
    Enrollment long_ = e.pausedUntil(Instant.parse("2026-12-20T00:00:00Z"));
    assertThat(long_.pausedUntil(Instant.parse("2026-12-05T00:00:00Z")).pausedUntil())
        .contains(Instant.parse("2026-12-20T00:00:00Z"));
    assertThat(engine.due(e.pausedUntil(Instant.parse("2026-11-01T00:00:00Z"))).get(0).at())
        .isEqualTo(before);
  }

  @Test
  void thePauseSurvivesTheEnginesOwnChanges() {
    Enrollment e = engine.enroll(lead, monday).pausedUntil(Instant.parse("2026-12-10T23:00:00Z"));
    e = engine.perform(e, "one", Instant.parse("2026-11-30T08:00:00Z"));
    assertThat(e.pausedUntil()).contains(Instant.parse("2026-12-10T23:00:00Z"));
  }
}
