package dev.cadence.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.TestCadences;
import dev.cadence.model.Cadence;
import dev.cadence.model.Timing;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DueTimesTest {
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private final Cadence cadence =
      TestCadences.parse(
          """
      cadence: c
      schedule:
        business_days: [MON, TUE, WED, THU, FRI]
        window: "09:00-17:00"
        holidays: [2026-12-25]
        min_gap: 1d
      steps:
        - id: a
          channel: call
      """);
  private final Calendar calendar = new Calendar(cadence.schedule(), PARIS);

  private Instant paris(String localDateTime) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), PARIS).toInstant();
  }

  private Instant due(
      Timing timing, LocalDate enrolledOn, Instant reached, Optional<Instant> previous) {
    return DueTimes.due(timing, cadence.schedule(), calendar, enrolledOn, reached, previous);
  }

  @Test
  void dayOneIsTheEnrollmentDayAtTheWindowOpening() {
    // Tuesday 2026-12-01, enrolled at 07:30: due at 09:00 the same day.
    assertThat(
            due(
                new Timing.OnDay(1),
                LocalDate.of(2026, 12, 1),
                paris("2026-12-01T07:30"),
                Optional.empty()))
        .isEqualTo(paris("2026-12-01T09:00"));
  }

  @Test
  void enrolledDuringTheWindowDayOneIsDueAtOnce() {
    assertThat(
            due(
                new Timing.OnDay(1),
                LocalDate.of(2026, 12, 1),
                paris("2026-12-01T14:10"),
                Optional.empty()))
        .isEqualTo(paris("2026-12-01T14:10"));
  }

  @Test
  void dayNIsNMinusOneCalendarDaysLaterAndWeekendsMoveToMonday() {
    // Enrolled Thursday 2026-12-03; day 3 is Saturday 12-05 -> Monday 12-07 09:00.
    assertThat(
            due(
                new Timing.OnDay(3),
                LocalDate.of(2026, 12, 3),
                paris("2026-12-03T10:00"),
                Optional.of(paris("2026-12-03T10:00"))))
        .isEqualTo(paris("2026-12-07T09:00"));
  }

  @Test
  void holidaysAreSkipped() {
    // Day 2 after enrolling Thursday 12-24 is Friday 12-25, a holiday -> Monday 12-28.
    assertThat(
            due(
                new Timing.OnDay(2),
                LocalDate.of(2026, 12, 24),
                paris("2026-12-24T10:00"),
                Optional.of(paris("2026-12-24T10:00"))))
        .isEqualTo(paris("2026-12-28T09:00"));
  }

  @Test
  void waitCountsFromThePreviousTouchAndLateTimesMoveToTheNextOpening() {
    // 16:30 + 2h = 18:30, after the window -> next day 09:00 (min_gap 1d from 16:30 -> 16:30 next
    // day).
    assertThat(
            due(
                new Timing.Wait(Duration.ofHours(2)),
                LocalDate.of(2026, 12, 1),
                paris("2026-12-01T16:30"),
                Optional.of(paris("2026-12-01T16:30"))))
        .isEqualTo(paris("2026-12-02T16:30"));
  }

  @Test
  void minGapPushesATouchThatWouldComeTooSoon() {
    // Day 2 at 09:00 but the previous touch was day 1 at 15:00: min_gap 1d -> day 2 15:00.
    assertThat(
            due(
                new Timing.OnDay(2),
                LocalDate.of(2026, 12, 1),
                paris("2026-12-01T15:00"),
                Optional.of(paris("2026-12-01T15:00"))))
        .isEqualTo(paris("2026-12-02T15:00"));
  }

  @Test
  void aWindowOpeningInsideADstGapMovesForwardByTheGap() {
    Cadence night =
        TestCadences.parse(
            """
        cadence: night
        schedule:
          business_days: [MON, TUE, WED, THU, FRI, SAT, SUN]
          window: "02:30-05:00"
        steps:
          - id: a
            channel: task
        """);
    Calendar cal = new Calendar(night.schedule(), PARIS);
    // 2027-03-28: Paris springs forward at 02:00 -> 03:00; 02:30 does not exist and becomes 03:30
    // CEST.
    Instant due =
        DueTimes.due(
            new Timing.OnDay(1),
            night.schedule(),
            cal,
            LocalDate.of(2027, 3, 28),
            ZonedDateTime.of(2027, 3, 28, 0, 0, 0, 0, PARIS).toInstant(),
            Optional.empty());
    assertThat(due.atZone(PARIS).toLocalDateTime())
        .isEqualTo(java.time.LocalDateTime.of(2027, 3, 28, 3, 30));
  }

  @Test
  void aWeeklyWaitKeepsTheLocalTimeAcrossADstChange() {
    // Monday 2027-03-22 09:00 CET; one week later is Monday 03-29 09:00 CEST (not 10:00).
    Instant previous = paris("2027-03-22T09:00");
    assertThat(
            due(
                new Timing.Wait(Duration.ofDays(7)),
                LocalDate.of(2027, 3, 1),
                previous,
                Optional.of(previous)))
        .isEqualTo(paris("2027-03-29T09:00"));
  }

  @Test
  void hoursOfAWaitAreElapsedTime() {
    Instant previous = paris("2027-03-26T10:00");
    // Friday 10:00 + 1d2h = Saturday 12:00 -> not a business day -> Monday 09:00.
    assertThat(
            due(
                new Timing.Wait(Duration.ofHours(26)),
                LocalDate.of(2027, 3, 1),
                previous,
                Optional.of(previous)))
        .isEqualTo(paris("2027-03-29T09:00"));
  }

  @Test
  void aOneDayMinGapKeepsTheLocalTimeAcrossADstChange() {
    // Friday 2027-03-26 09:00 CET; DST starts Sunday 03-28. Day 4 (Monday) must be 09:00 CEST, not
    // 10:00.
    Instant previous = paris("2027-03-26T09:00");
    assertThat(due(new Timing.OnDay(4), LocalDate.of(2027, 3, 26), previous, Optional.of(previous)))
        .isEqualTo(paris("2027-03-29T09:00"));
    // And a day-by-day sequence right after the change stays at 09:00 local.
    Instant monday = paris("2027-03-29T09:00");
    assertThat(due(new Timing.OnDay(5), LocalDate.of(2027, 3, 26), monday, Optional.of(monday)))
        .isEqualTo(paris("2027-03-30T09:00"));
  }

  @Test
  void aStepReachedInsideADstOverlapIsDueAtTheSecondOpeningThatDayNotTheNextDay() {
    Cadence early =
        TestCadences.parse(
            """
        cadence: early
        schedule:
          business_days: [MON, TUE, WED, THU, FRI, SAT, SUN]
          window: "01:30-17:00"
        steps:
          - id: a
            channel: task
        """);
    ZoneId ny = ZoneId.of("America/New_York");
    Calendar cal = new Calendar(early.schedule(), ny);
    // 2027-11-07: New York falls back at 02:00 EDT to 01:00 EST; 01:10 EST is after the first 01:30
    // (EDT).
    Instant reached = java.time.OffsetDateTime.parse("2027-11-07T01:10:00-05:00").toInstant();
    Instant due =
        DueTimes.due(
            new Timing.Immediately(),
            early.schedule(),
            cal,
            LocalDate.of(2027, 11, 7),
            reached,
            Optional.empty());
    assertThat(due)
        .isEqualTo(java.time.OffsetDateTime.parse("2027-11-07T01:30:00-05:00").toInstant());
  }
}
