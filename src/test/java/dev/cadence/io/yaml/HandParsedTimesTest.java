package dev.cadence.io.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.model.Window;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/**
 * Times of a window and holiday dates are read by hand in their usual shape (for start-up time);
 * the results and failures must be java.time's own.
 */
class HandParsedTimesTest {
  /** What java.time makes of a window "HH:MM-23:59": the window, or the failure's message. */
  private static String viaJavaTime(String start) {
    try {
      LocalTime s = LocalTime.parse(start);
      return s.isBefore(LocalTime.of(23, 59))
          ? new Window(s, LocalTime.of(23, 59)).toString()
          : "`"
              + start
              + "-23:59` must start before it ends (a window cannot span midnight); write e.g. \"09:00-17:00\"";
    } catch (DateTimeParseException e) {
      return "`"
          + start
          + "-23:59` is not HH:MM-HH:MM with valid times; write e.g. \"09:00-17:00\"";
    }
  }

  private static String viaWindow(String start) {
    try {
      return Window.parse(start + "-23:59").toString();
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  @Test
  void everyTwoDigitTimeReadsAsJavaTimeReadsIt() {
    for (int h = 0; h < 100; h++) {
      for (int m = 0; m < 100; m++) {
        String start = (h < 10 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m;
        assertThat(viaWindow(start)).as(start).isEqualTo(viaJavaTime(start));
      }
    }
    for (String odd :
        new String[] {
          "9:00", "09:0", "0a:00", "09:00:30", "09:00:30.5", "+9:00", "09.00", "١٢:٠٠"
        }) {
      assertThat(viaWindow(odd)).as(odd).isEqualTo(viaJavaTime(odd));
    }
  }

  private static String parse(String text, boolean byHand) {
    try {
      return (byHand ? ScheduleBinder.isoDate(text) : LocalDate.parse(text)).toString();
    } catch (DateTimeParseException e) {
      return "DateTimeParseException: " + e.getMessage();
    }
  }

  @Test
  void everyDayOfTwoYearsAndMalformedDatesReadAsJavaTimeReadsThem() {
    for (int year : new int[] {0, 1900, 2000, 2024, 2026, 9999}) {
      for (int month = 0; month <= 13; month++) {
        for (int day = 0; day <= 32; day++) {
          String text = String.format("%04d-%02d-%02d", year, month, day);
          assertThat(parse(text, true)).as(text).isEqualTo(parse(text, false));
        }
      }
    }
    for (String odd :
        new String[] {
          "2026-1-01",
          "2026/01/01",
          "+2026-01-01",
          "20261-01-01",
          "2026-01-0x",
          "2026-01-01T00:00",
          ""
        }) {
      assertThat(parse(odd, true)).as(odd).isEqualTo(parse(odd, false));
    }
  }
}
