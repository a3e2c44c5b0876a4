package dev.cadence.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.TestCadences;
import dev.cadence.engine.Engine;
import dev.cadence.engine.Enrollment;
import dev.cadence.model.Lead;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnrollmentCodecTest {
  final Engine engine =
      new Engine(
          TestCadences.parse(
              """
              cadence: c
              steps:
                - { id: one, day: 1, channel: email, template: one }
                - { id: two, day: 3, channel: call }
              """));
  final Lead lead =
      new Lead("L1", Map.of("email", "a@b.fr"), Optional.of(ZoneId.of("Europe/Paris")), false, 2);

  @Test
  void aPauseIsKeptAcrossTheStore() {
    Enrollment e =
        engine
            .perform(
                engine.enroll(lead, Instant.parse("2026-11-30T07:00:00Z")),
                "one",
                Instant.parse("2026-11-30T08:00:00Z"))
            .pausedUntil(Instant.parse("2026-12-10T23:00:00Z"));
    Enrollment back = EnrollmentCodec.decode("L1", "c", EnrollmentCodec.encode(e));
    assertThat(back).isEqualTo(e);
    assertThat(back.pausedUntil()).contains(Instant.parse("2026-12-10T23:00:00Z"));
  }

  @Test
  void anEnrollmentNeverPausedHasNoPauseKey() {
    Enrollment e = engine.enroll(lead, Instant.parse("2026-11-30T07:00:00Z"));
    assertThat(EnrollmentCodec.encode(e)).doesNotContain("paused");
    assertThat(EnrollmentCodec.decode("L1", "c", EnrollmentCodec.encode(e))).isEqualTo(e);
  }
}
