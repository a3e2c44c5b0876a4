package dev.cadence.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.model.Lead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the server answers, tick after tick: a touch the server accepted, or that may have
 * reached it (in doubt), is never handed over again; only temporary failures are retried; every
 * email that went out did so inside its lead's window.
 */
class DeliveryProperties {
  /** What the scripted server answers, in turn. */
  enum Answer {
    SENT,
    RETRY,
    RETRY_ALL,
    FAILED_ADDRESS,
    FAILED_MESSAGE,
    IN_DOUBT
  }

  @Provide
  Arbitrary<List<Answer>> answers() {
    return Arbitraries.of(Answer.class).list().ofMinSize(1).ofMaxSize(40);
  }

  @Property(tries = 15)
  void noTouchIsHandedOverAgainOnceItMayHaveGone(
      @ForAll("answers") List<Answer> script,
      @ForAll @Size(min = 1, max = 8)
          List<@net.jqwik.api.constraints.IntRange(min = 5, max = 600) Integer> gapsMinutes)
      throws Exception {
    Path dir = Files.createTempDirectory("cadence-prop");
    try (TickHarness h = new TickHarness(dir, LiveFixture.EMAILS_ONLY)) {
      List<Lead> leads = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        leads.add(
            TickHarness.lead(
                "L-" + i,
                "l" + i + "@example.com",
                i % 2 == 0 ? "Europe/Paris" : "America/New_York"));
      }
      h.enroll(leads, LocalDate.of(2026, 3, 2));
      int[] next = {0};
      Map<String, Answer> lastAnswer = new HashMap<>();
      List<String> violations = new ArrayList<>();
      h.sender.script(
          e -> {
            Answer previous = lastAnswer.get(e.messageId());
            if (previous != null && previous != Answer.RETRY && previous != Answer.RETRY_ALL) {
              violations.add(e.messageId() + " handed over again after " + previous);
            }
            java.time.ZonedDateTime local =
                h.clock
                    .instant()
                    .atZone(
                        java.time.ZoneId.of(
                            e.to().matches("l[024]@.*") ? "Europe/Paris" : "America/New_York"));
            if (local.getHour() < 9 || local.getHour() >= 17) {
              violations.add(e.messageId() + " handed over outside the window at " + local);
            }
            Answer a = script.get(next[0]++ % script.size());
            lastAnswer.put(e.messageId(), a);
            return switch (a) {
              case SENT -> new SendResult.Sent("250 OK");
              case RETRY -> new SendResult.Retry("451 later");
              case RETRY_ALL -> new SendResult.Retry("connection refused", true);
              case FAILED_ADDRESS -> new SendResult.Failed("550 no such user");
              case FAILED_MESSAGE -> new SendResult.Failed("554 refused", false);
              case IN_DOUBT -> new SendResult.InDoubt("timeout after DATA");
            };
          });
      Instant t = Instant.parse("2026-03-02T07:00:00Z");
      int g = 0;
      while (t.isBefore(Instant.parse("2026-03-14T00:00:00Z"))) {
        h.tick(t);
        t = t.plus(Duration.ofMinutes(gapsMinutes.get(g++ % gapsMinutes.size())));
      }
      assertThat(violations).isEmpty();
      // What the store says matches what the server was told.
      for (SendRecord s : h.sends(SendState.values())) {
        Answer last = lastAnswer.get(s.messageId());
        if (s.state() == SendState.SENT) {
          assertThat(last).as(s.toString()).isEqualTo(Answer.SENT);
        } else if (s.state() == SendState.IN_DOUBT) {
          assertThat(last).as(s.toString()).isEqualTo(Answer.IN_DOUBT);
        }
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
