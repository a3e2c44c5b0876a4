package dev.cadence.inbox;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the return date an out-of-office text states ("until 21 December", "back on January 4", "de
 * retour le 4 janvier", "jusqu'au 3 janvier", "bis zum 12.01.", "ab dem 5. Januar wieder", "hasta
 * el 8 de enero", "regresaré el 8 de enero", "2027-01-04", "12/01/2027"), resolved to a date after
 * the message was sent. The date is the one the text gives, whether the last day away or the first
 * day back: the caller pauses until the day after it.
 *
 * <p>Only a date right after a word of return or of "until" counts, so that "I was away from 20
 * December" or a quoted date is not taken. A date without a year is the next such day on or after
 * the message's date. A slashed date whose day and month could be swapped (12/01/2027) is read both
 * ways and the sooner future one wins: an absence is usually short.
 */
final class ReturnDates {
  /** A date the text gives and the words around it. */
  record Found(LocalDate date, String phrase) {}

  /** Words after which a date is when someone is back, or until when they are away. */
  private static final String TRIGGER =
      "(?:until|till|til|through|thru|to|back(?:\\s+in\\s+the\\s+office)?(?:\\s+on)?|"
          + "return(?:ing)?(?:\\s+on)?|returns(?:\\s+on)?|in\\s+the\\s+office\\s+on|"
          + "jusqu['’]?\\s?(?:au|à|a)|au|retour(?:\\s+le)?|de\\s+retour(?:\\s+le)?|"
          + "reviendrai(?:\\s+le)?|à\\s+partir\\s+du|a\\s+partir\\s+du|"
          + "bis(?:\\s+(?:zum|einschließlich|einschliesslich))?|ab(?:\\s+dem)?|ab\\s+(?:montag|"
          + "dienstag|mittwoch|donnerstag|freitag),?(?:\\s+dem)?|zurück(?:\\s+am)?|"
          + "hasta(?:\\s+el)?|al|regresaré(?:\\s+el)?|regresare(?:\\s+el)?|regreso(?:\\s+el)?|"
          + "volveré(?:\\s+el)?|de\\s+vuelta(?:\\s+el)?|a\\s+partir\\s+del)";

  private static final String WEEKDAY =
      "(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
          + "dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|"
          + "miércoles|miercoles|jueves|viernes|sábado|sabado|domingo)";

  private static final String MONTH = "(?<month>[a-zäéû]{3,10})\\.?";

  private static final Pattern DATE =
      Pattern.compile(
          "(?iu)\\b"
              + TRIGGER
              + "\\s+(?:(?:the|le|el|den|dem)\\s+)?(?:"
              + WEEKDAY
              + ",?\\s+(?:(?:the|le|el|den|dem)\\s+)?)?(?:"
              + "(?<iso>(?<iy>\\d{4})-(?<im>\\d{1,2})-(?<id>\\d{1,2}))"
              + "|(?<num>(?<na>\\d{1,2})[./](?<nb>\\d{1,2})(?:[./](?<ny>\\d{2,4}))?\\.?)"
              + "|(?<dm>(?<dd>\\d{1,2})(?:st|nd|rd|th|er|\\.)?(?:\\s+de)?\\s+"
              + MONTH
              + "(?:\\s+(?:de\\s+)?(?<dy>\\d{4}))?)"
              + "|(?<md>(?<mm>[a-z]{3,9})\\.?\\s+(?<md2>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<my>\\d{4}))?))"
              + "(?![\\d/])");

  private static final Map<String, Integer> MONTHS = months();

  private ReturnDates() {}

  /** The first stated return date after {@code sent} in {@code text}, if any. */
  static Optional<Found> find(String text, LocalDate sent) {
    Matcher m = DATE.matcher(text);
    while (m.find()) {
      Optional<LocalDate> date = resolve(m, sent);
      if (date.isPresent()) {
        return Optional.of(new Found(date.get(), m.group()));
      }
    }
    return Optional.empty();
  }

  private static Optional<LocalDate> resolve(Matcher m, LocalDate sent) {
    try {
      if (m.group("iso") != null) {
        return future(LocalDate.of(num(m, "iy"), num(m, "im"), num(m, "id")), sent);
      }
      if (m.group("num") != null) {
        return numeric(num(m, "na"), num(m, "nb"), m.group("ny"), m.group().contains("."), sent);
      }
      if (m.group("dm") != null) {
        return named(m.group("month"), num(m, "dd"), m.group("dy"), sent);
      }
      return named(m.group("mm"), num(m, "md2"), m.group("my"), sent);
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<LocalDate> named(String month, int day, String year, LocalDate sent) {
    Integer number = MONTHS.get(month.toLowerCase(Locale.ROOT));
    if (number == null) {
      return Optional.empty();
    }
    return year == null ? nextOccurrence(number, day, sent) : future(of(year, number, day), sent);
  }

  /**
   * {@code a.b.} and {@code a.b.yyyy} are day.month (the German and most European order); a slashed
   * {@code a/b} is day/month or month/day, whichever reading is valid and comes sooner.
   */
  private static Optional<LocalDate> numeric(
      int a, int b, String year, boolean dotted, LocalDate sent) {
    List<LocalDate> readings = new ArrayList<>(2);
    addReading(readings, year, b, a, sent);
    if (!dotted && a != b) {
      addReading(readings, year, a, b, sent);
    }
    return readings.stream().filter(d -> !d.isBefore(sent)).min(LocalDate::compareTo);
  }

  private static void addReading(
      List<LocalDate> readings, String year, int month, int day, LocalDate sent) {
    try {
      Optional<LocalDate> date =
          year == null ? nextOccurrence(month, day, sent) : future(of(year, month, day), sent);
      date.ifPresent(readings::add);
    } catch (DateTimeException e) {
      // not a valid reading
    }
  }

  private static LocalDate of(String year, int month, int day) {
    int y = Integer.parseInt(year);
    return LocalDate.of(y < 100 ? 2000 + y : y, month, day);
  }

  private static Optional<LocalDate> nextOccurrence(int month, int day, LocalDate sent) {
    LocalDate date = LocalDate.of(sent.getYear(), month, day);
    return Optional.of(date.isBefore(sent) ? LocalDate.of(sent.getYear() + 1, month, day) : date);
  }

  /** A dated return that lies before the message or more than a year after is not one. */
  private static Optional<LocalDate> future(LocalDate date, LocalDate sent) {
    return date.isBefore(sent) || date.isAfter(sent.plusDays(366))
        ? Optional.empty()
        : Optional.of(date);
  }

  private static int num(Matcher m, String group) {
    return Integer.parseInt(m.group(group));
  }

  private static Map<String, Integer> months() {
    Map<String, Integer> months = new HashMap<>();
    String[][] names = {
      {"january", "jan", "janvier", "janv", "januar", "jänner", "enero", "ene"},
      {"february", "feb", "février", "fevrier", "févr", "fevr", "februar", "febrero"},
      {"march", "mar", "mars", "märz", "maerz", "marzo"},
      {"april", "apr", "avril", "avr", "abril", "abr"},
      {"may", "mai", "mayo"},
      {"june", "jun", "juin", "juni", "junio"},
      {"july", "jul", "juillet", "juil", "juli", "julio"},
      {"august", "aug", "août", "aout", "agosto", "ago"},
      {"september", "sep", "sept", "septembre", "septiembre", "setiembre"},
      {"october", "oct", "octobre", "oktober", "okt", "octubre"},
      {"november", "nov", "novembre", "noviembre"},
      {"december", "dec", "décembre", "decembre", "déc", "dezember", "dez", "diciembre", "dic"}
    };
    for (int i = 0; i < names.length; i++) {
      for (String name : names[i]) {
        months.put(name, i + 1);
      }
    }
    return Map.copyOf(months);
  }
}
