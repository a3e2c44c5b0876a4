package dev.cadence.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failure that is not the lead's (the server down, a wrong setting: a retry that affects every
 * send) never counts as one of the lead's attempts, so it never turns into a failure for good.
 */
class ConfigurationFaultsTest {
  static final Instant OPEN = Instant.parse("2026-03-02T08:05:00Z");

  @TempDir Path dir;

  @Test
  void aServerThatStaysDownForDaysFailsNoLeadForGood() throws Exception {
    try (TickHarness h = new TickHarness(dir, LiveFixture.EMAILS_ONLY)) {
      h.enroll(
          List.of(
              TickHarness.lead("L-1", "a@example.com", "Europe/Paris"),
              TickHarness.lead("L-2", "b@example.com", "Europe/Paris")),
          LocalDate.of(2026, 3, 2));
      h.sender.script(e -> new SendResult.Retry("cannot connect: connection refused", true));
      Instant t = OPEN;
      for (int i = 0; i < 3 * TickOptions.MAX_ATTEMPTS; i++) {
        TickReport r = h.tick(t);
        assertThat(r.failed()).isZero();
        t = t.plus(Duration.ofMinutes(i % 2 == 0 ? 7 : 360));
      }
      assertThat(h.sends(SendState.FAILED)).isEmpty();
      assertThat(h.sends(SendState.RETRY))
          .isNotEmpty()
          .allSatisfy(
              s -> {
                assertThat(s.attempts()).as(s.toString()).isZero();
                assertThat(s.startedAt()).as("not counted by the daily cap").isEmpty();
              });

      h.sender.script(e -> new SendResult.Sent("250 OK"));
      Instant monday = Instant.parse("2026-03-09T08:05:00Z");
      h.tick(monday);
      h.tick(monday.plus(Duration.ofMinutes(10)));
      assertThat(h.sends(SendState.SENT)).extracting(SendRecord::leadId).contains("L-1", "L-2");
      assertThat(h.sends(SendState.SENT))
          .filteredOn(s -> s.step().equals("intro"))
          .allSatisfy(s -> assertThat(s.attempts()).isEqualTo(1));
    }
  }
}
