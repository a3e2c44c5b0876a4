package dev.cadence.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten days of ticks every 10 minutes over 1,000 leads in six zones, across the EU change to summer
 * time: every email goes exactly once, inside its lead's window on a business day, min_gap apart.
 */
class WeekOfTicksTest {
  static final List<String> ZONES =
      List.of(
          "Europe/Paris",
          "America/New_York",
          "Asia/Tokyo",
          "Australia/Sydney",
          "Asia/Kolkata",
          "America/Los_Angeles");

  @TempDir Path dir;

  @Test
  void eachEmailExactlyOnceInsideItsWindow() throws Exception {
    try (TickHarness h = new TickHarness(dir, LiveFixture.EMAILS_ONLY)) {
      Map<String, ZoneId> zoneOf = new HashMap<>();
      Map<String, Instant> toWhom = new HashMap<>();
      for (int day = 0; day < 5; day++) { // enrollments start Mon 23 .. Fri 27 March 2026
        List<dev.cadence.model.Lead> leads = new ArrayList<>();
        for (int i = day * 200; i < (day + 1) * 200; i++) {
          String zone = ZONES.get(i % ZONES.size());
          leads.add(TickHarness.lead("L-" + i, "lead" + i + "@example.com", zone));
          zoneOf.put("lead" + i + "@example.com", ZoneId.of(zone));
        }
        h.clock.set(Instant.parse("2026-03-22T12:00:00Z"));
        assertThat(h.enroll(leads, LocalDate.of(2026, 3, 23).plusDays(day)).enrolled)
            .isEqualTo(200);
      }
      Map<String, List<Instant>> byLead = new HashMap<>();
      h.sender.script(
          e -> {
            byLead.computeIfAbsent(e.to(), k -> new ArrayList<>()).add(h.clock.instant());
            return new SendResult.Sent("250 OK");
          });
      int partial = 0;
      for (Instant t = Instant.parse("2026-03-22T00:00:00Z");
          t.isBefore(Instant.parse("2026-04-03T00:00:00Z"));
          t = t.plus(Duration.ofMinutes(10))) {
        partial += h.tick(t).partial() ? 1 : 0;
      }
      assertThat(partial).isZero();
      var handed = h.sender.handed();
      assertThat(handed).hasSize(3_000);
      assertThat(handed.stream().map(OutgoingEmail::messageId).distinct().count()).isEqualTo(3_000);
      assertThat(h.sends(SendState.SENT)).hasSize(3_000);
      assertThat(h.logged).hasSize(3_000);
      for (var entry : byLead.entrySet()) {
        ZoneId zone = zoneOf.get(entry.getKey());
        List<Instant> times = entry.getValue();
        assertThat(times).as(entry.getKey()).hasSize(3);
        for (int i = 0; i < times.size(); i++) {
          ZonedDateTime local = times.get(i).atZone(zone);
          assertThat(local.getDayOfWeek())
              .as(entry.getKey() + " " + local)
              .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
          assertThat(local.toLocalTime())
              .as(entry.getKey() + " " + local)
              .isBetween(LocalTime.of(9, 0), LocalTime.of(16, 59, 59));
          if (i > 0) {
            assertThat(Duration.between(times.get(i - 1), times.get(i)))
                .as(entry.getKey())
                .isGreaterThanOrEqualTo(Duration.ofHours(20));
          }
        }
        toWhom.put(entry.getKey(), times.get(0));
      }
      assertThat(toWhom).hasSize(1_000);
    }
  }
}
