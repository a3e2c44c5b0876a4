package dev.cadence.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that takes messages and never answers puts a few sends in doubt, not the whole tick:
 * after {@link TickOptions#STOP_AFTER_DOUBTS} in a row the tick stops sending, and the rest is
 * neither sent nor charged.
 */
class InDoubtStreakTest {
  static final Instant OPEN = Instant.parse("2026-03-02T08:05:00Z");

  @TempDir Path dir;

  @Test
  void aFewDoubtsInARowStopTheTick() throws Exception {
    try (TickHarness h = new TickHarness(dir, LiveFixture.EMAILS_ONLY)) {
      List<dev.cadence.model.Lead> leads = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        leads.add(TickHarness.lead("L-" + i, "l" + i + "@example.com", "Europe/Paris"));
      }
      h.enroll(leads, LocalDate.of(2026, 3, 2));
      h.sender.script(e -> new SendResult.InDoubt("no reply after the message body"));
      TickReport r = h.tick(OPEN);
      assertThat(r.inDoubt()).isEqualTo(TickOptions.STOP_AFTER_DOUBTS);
      assertThat(r.stoppedSending()).isTrue();
      assertThat(r.partial()).isTrue();
      assertThat(r.problems()).anySatisfy(p -> assertThat(p).startsWith("stopped sending: 3"));
      assertThat(h.sender.handed()).hasSize(TickOptions.STOP_AFTER_DOUBTS);
      assertThat(h.sends(SendState.IN_DOUBT)).hasSize(TickOptions.STOP_AFTER_DOUBTS);
      assertThat(h.sends(SendState.SENDING, SendState.CLAIMED)).isEmpty();

      h.sender.script(e -> new SendResult.Sent("250 OK"));
      TickReport next = h.tick(OPEN.plus(Duration.ofMinutes(5)));
      assertThat(next.sent()).isEqualTo(20 - TickOptions.STOP_AFTER_DOUBTS);
      assertThat(h.sends(SendState.SENT))
          .allSatisfy(s -> assertThat(s.attempts()).as(s.toString()).isEqualTo(1));
    }
  }

  @Test
  void doubtsBetweenGoodSendsDoNotStopTheTick() throws Exception {
    try (TickHarness h = new TickHarness(dir, LiveFixture.EMAILS_ONLY)) {
      List<dev.cadence.model.Lead> leads = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        leads.add(TickHarness.lead("L-" + i, "l" + i + "@example.com", "Europe/Paris"));
      }
      h.enroll(leads, LocalDate.of(2026, 3, 2));
      int[] n = {0};
      h.sender.script(
          e ->
              n[0]++ % 3 == 2 ? new SendResult.InDoubt("no reply") : new SendResult.Sent("250 OK"));
      TickReport r = h.tick(OPEN);
      assertThat(r.stoppedSending()).isFalse();
      assertThat(r.sent() + r.inDoubt()).isEqualTo(12);
    }
  }
}
