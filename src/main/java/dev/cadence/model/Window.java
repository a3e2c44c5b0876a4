package dev.cadence.model;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** The local hours in which touches fall due, e.g. 09:00-17:00 (start inclusive, end exclusive). */
public record Window(LocalTime start, LocalTime end) {
  public static final Window OFFICE_HOURS = new Window(LocalTime.of(9, 0), LocalTime.of(17, 0));

  public Window {
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException(
          "window must start before it ends ("
              + start
              + "-"
              + end
              + "); write e.g. \"09:00-17:00\"");
    }
  }

  /**
   * Parses {@code HH:MM-HH:MM}; {@code 24:00} is accepted as the end of the day. Messages start
   * with the text itself: callers prefix what it is ("window: ...").
   */
  public static Window parse(String text) {
    String[] parts = text.trim().split("\\s*-\\s*");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "`" + text + "` is not HH:MM-HH:MM; write e.g. \"09:00-17:00\"");
    }
    try {
      LocalTime start = time(parts[0]);
      LocalTime end = "24:00".equals(parts[1]) ? LocalTime.MAX : time(parts[1]);
      if (!start.isBefore(end)) {
        throw new IllegalArgumentException(
            "`"
                + text
                + "` must start before it ends (a window cannot span midnight); write e.g. \"09:00-17:00\"");
      }
      return new Window(start, end);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "`" + text + "` is not HH:MM-HH:MM with valid times; write e.g. \"09:00-17:00\"");
    }
  }

  /**
   * {@code LocalTime.parse(text)}, with HH:MM read by hand when it is a time of day: java.time's
   * formatters are built on first use, a few milliseconds at each {@code validate} start. Any other
   * text goes to {@code LocalTime.parse}, for its exact result or exception.
   */
  private static LocalTime time(String text) {
    if (text.length() == 5 && text.charAt(2) == ':') {
      int hour = digit(text, 0) * 10 + digit(text, 1);
      int minute = digit(text, 3) * 10 + digit(text, 4);
      if (hour >= 0 && hour < 24 && minute >= 0 && minute < 60) {
        return LocalTime.of(hour, minute);
      }
    }
    return LocalTime.parse(text);
  }

  /** The digit at {@code i}, or a negative number large enough to fail any range check. */
  private static int digit(String text, int i) {
    char c = text.charAt(i);
    return c >= '0' && c <= '9' ? c - '0' : -1000;
  }
}
