package dev.cadence.inbox;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The calendar date of an RFC 5322 Date header, read leniently (obsolete forms included). */
final class MailDates {
  private static final Pattern DATE =
      Pattern.compile(
          "(?i)(\\d{1,2})\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(\\d{2,4})");

  private MailDates() {}

  /** The date the header states (in the sender's own offset), if it can be read. */
  static Optional<LocalDate> parse(String value) {
    Matcher m = DATE.matcher(value);
    if (!m.find()) {
      return Optional.empty();
    }
    int year = Integer.parseInt(m.group(3));
    if (m.group(3).length() == 2) {
      year += year < 50 ? 2000 : 1900; // RFC 5322 section 4.3
    } else if (m.group(3).length() == 3) {
      year += 1900;
    }
    try {
      Month month = Month.valueOf(monthName(m.group(2)));
      return Optional.of(LocalDate.of(year, month, Integer.parseInt(m.group(1))));
    } catch (DateTimeException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String monthName(String abbreviation) {
    String a = abbreviation.toLowerCase(Locale.ROOT);
    for (Month month : Month.values()) {
      if (month.name().toLowerCase(Locale.ROOT).startsWith(a)) {
        return month.name();
      }
    }
    throw new IllegalArgumentException(abbreviation);
  }
}
