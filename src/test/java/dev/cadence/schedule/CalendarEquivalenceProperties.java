package dev.cadence.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.TestCadences;
import dev.cadence.model.Cadence;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The cached {@link Calendar} answers exactly as the plain java.time one it replaced, around DST
 * changes, across holidays and weekends, with windows that open inside a DST gap or overlap.
 */
class CalendarEquivalenceProperties {
  private static final String[] WINDOWS = {
    "09:00-17:00", "02:30-03:30", "01:00-02:00", "00:00-24:00", "08:15-08:16"
  };

  @Provide
  Arbitrary<String> zones() {
    return Arbitraries.of(
        "Europe/Paris",
        "America/New_York",
        "Australia/Lord_Howe",
        "Asia/Tokyo",
        "UTC",
        "America/Sao_Paulo",
        "Pacific/Apia",
        "Asia/Kathmandu",
        "Europe/London",
        "America/St_Johns");
  }

  private static Cadence cadence(String window, String days) {
    return TestCadences.parse(
        """
        cadence: c
        schedule:
          business_days: [%s]
          window: "%s"
          holidays: [2026-12-25, 2027-01-01, 2027-03-28, 2027-10-31]
        steps:
          - id: a
            channel: call
        """
            .formatted(days, window));
  }

  @Property(tries = 400)
  void answersAsTheReference(
      @ForAll("zones") String zoneName,
      @ForAll @IntRange(min = 0, max = 4) int window,
      @ForAll boolean weekdaysOnly,
      @ForAll @LongRange(min = 1_780_000_000L, max = 1_830_000_000L) long epoch,
      @ForAll @IntRange(min = 0, max = 999_999_999) int nanos) {
    Cadence c = cadence(WINDOWS[window], weekdaysOnly ? "MON, TUE, WED, THU, FRI" : "SAT, SUN");
    ZoneId zone = ZoneId.of(zoneName);
    Calendar fast = new Calendar(c.schedule(), zone);
    ReferenceCalendar reference = new ReferenceCalendar(c.schedule(), zone);
    // A walk of nearby instants: the caches are then hit, missed and overwritten.
    Instant t = Instant.ofEpochSecond(epoch, nanos % 3 == 0 ? 0 : nanos);
    for (int i = 0; i < 60; i++) {
      assertThat(fast.isOpen(t)).as("isOpen %s in %s", t, zone).isEqualTo(reference.isOpen(t));
      assertThat(fast.nextOpen(t))
          .as("nextOpen %s in %s", t, zone)
          .isEqualTo(reference.nextOpen(t));
      LocalDate date = t.atZone(zone).toLocalDate();
      assertThat(fast.opening(date))
          .as("opening %s in %s", date, zone)
          .isEqualTo(reference.opening(date));
      t =
          t.plusSeconds(
              (i % 7 == 0 ? 86_400L * 9 : 0) + 1_357L * (i % 13) + (i % 5 == 0 ? -40_000 : 17_000));
    }
  }

  @Property(tries = 100)
  void manyCalendarDaysApartStillAgree(
      @ForAll("zones") String zoneName,
      @ForAll @LongRange(min = -2_000_000_000L, max = 4_000_000_000L) long epoch) {
    Cadence c = cadence(WINDOWS[0], "MON, TUE, WED, THU, FRI");
    ZoneId zone = ZoneId.of(zoneName);
    Calendar fast = new Calendar(c.schedule(), zone);
    ReferenceCalendar reference = new ReferenceCalendar(c.schedule(), zone);
    for (long step : new long[] {0, 1024L * 86_400, -1024L * 86_400, 86_400L * 365 * 3, 3_600}) {
      Instant t = Instant.ofEpochSecond(epoch + step);
      assertThat(fast.nextOpen(t))
          .as("nextOpen %s in %s", t, zone)
          .isEqualTo(reference.nextOpen(t));
      assertThat(fast.isOpen(t)).isEqualTo(reference.isOpen(t));
    }
  }
}
