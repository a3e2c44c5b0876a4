package dev.cadence.io.yaml;

import dev.cadence.io.yaml.YNode.Entry;
import dev.cadence.io.yaml.YNode.YMap;
import dev.cadence.model.Pos;
import dev.cadence.model.Schedule;
import dev.cadence.model.SourceMap;
import dev.cadence.model.Window;
import dev.cadence.validate.Code;
import dev.cadence.validate.DidYouMean;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the {@code schedule:} block; every key is optional and defaults to {@link
 * Schedule#DEFAULT}. Plain ifs and loops, no lambdas, as in {@link NodeReader}.
 */
final class ScheduleBinder {
  static final List<String> KEYS =
      List.of("timezone", "fallback_timezone", "business_days", "window", "holidays", "min_gap");
  private static final List<String> DAY_NAMES =
      List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

  private ScheduleBinder() {}

  static Schedule bind(YNode node, NodeReader read) {
    Schedule d = Schedule.DEFAULT;
    Optional<YMap> found = read.mapping(node, "schedule", KEYS);
    if (found.isEmpty()) {
      return d;
    }
    YMap map = found.get();
    Map<String, Pos> keys = new HashMap<>();
    for (Entry e : map.entries()) {
      keys.put(e.key().text(), e.value().pos());
    }

    Optional<ZoneId> zone = Optional.empty();
    YNode zoneNode = map.get("timezone");
    Optional<String> zoneText =
        zoneNode == null ? Optional.empty() : read.text(zoneNode, "timezone");
    if (zoneText.isPresent() && !zoneText.get().equals("lead")) {
      zone = zone(zoneText.get(), zoneNode.pos(), read, true);
    }
    ZoneId fallback = d.fallbackZone();
    YNode fallbackNode = map.get("fallback_timezone");
    Optional<String> fallbackText =
        fallbackNode == null ? Optional.empty() : read.text(fallbackNode, "fallback_timezone");
    if (fallbackText.isPresent()) {
      fallback = zone(fallbackText.get(), fallbackNode.pos(), read, false).orElse(fallback);
    }
    YNode daysNode = map.get("business_days");
    Set<DayOfWeek> days = daysNode == null ? d.businessDays() : businessDays(daysNode, read);
    YNode windowNode = map.get("window");
    Window window = windowNode == null ? d.window() : window(windowNode, read).orElse(d.window());
    YNode holidaysNode = map.get("holidays");
    List<LocalDate> holidays = holidaysNode == null ? d.holidays() : holidays(holidaysNode, read);
    YNode minGapNode = map.get("min_gap");
    var minGap =
        minGapNode == null
            ? d.minGap()
            : CadenceBinder.duration(minGapNode, "min_gap", read).orElse(d.minGap());
    return new Schedule(
        zone, fallback, days, window, holidays, minGap, new SourceMap(node.pos(), keys));
  }

  private static Optional<Window> window(YNode node, NodeReader read) {
    Optional<String> text = read.text(node, "window");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Window.parse(text.get()));
    } catch (
        RuntimeException e) { // as NodeReader.parsed: the parser's message becomes the diagnostic
      return read.failed(node, "window", Code.BAD_WINDOW, e);
    }
  }

  private static List<LocalDate> holidays(YNode node, NodeReader read) {
    List<LocalDate> out = new ArrayList<>();
    Map<String, Pos> seen = new HashMap<>();
    for (YNode item : read.items(node, "holidays")) {
      Optional<LocalDate> day = date(item, read);
      if (day.isPresent() && read.firstTime(seen, item, "holidays")) {
        out.add(day.get());
      }
    }
    return out;
  }

  private static Optional<ZoneId> zone(String text, Pos pos, NodeReader read, boolean leadAllowed) {
    try {
      return Optional.of(ZoneId.of(text));
    } catch (DateTimeException e) {
      List<String> known = new ArrayList<>(ZoneId.getAvailableZoneIds());
      if (leadAllowed) {
        known.add("lead");
      }
      Optional<String> best = DidYouMean.closest(text, known);
      read.findings()
          .error(
              Code.BAD_TIMEZONE,
              pos,
              "`"
                  + text
                  + "` is not an IANA time zone"
                  + (best.isPresent()
                      ? "; did you mean `" + best.get() + "`?"
                      : "; write e.g. Europe/Paris or America/New_York")
                  + (leadAllowed && best.isEmpty() ? ", or `lead` for each lead's own zone" : ""));
      return Optional.empty();
    }
  }

  private static Set<DayOfWeek> businessDays(YNode node, NodeReader read) {
    List<DayOfWeek> days = new ArrayList<>();
    Map<String, Pos> seen = new HashMap<>();
    for (YNode item : read.items(node, "business_days")) {
      Optional<DayOfWeek> day = day(item, read);
      if (day.isPresent() && read.firstTime(seen, item, "business_days")) {
        days.add(day.get());
      }
    }
    if (days.isEmpty()) {
      if (node instanceof YNode.YSeq) {
        read.findings()
            .error(
                Code.BAD_BUSINESS_DAY,
                node.pos(),
                "business_days is empty, so no touch could ever fall due; list at least one day, e.g. [MON, TUE, WED, THU, FRI]");
      }
      return Schedule.DEFAULT.businessDays();
    }
    return EnumSet.copyOf(days);
  }

  private static Optional<DayOfWeek> day(YNode item, NodeReader read) {
    Optional<String> text = read.text(item, "a business day");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String t = text.get();
    Optional<DayOfWeek> day = Spellings.day(t);
    if (day.isPresent()) {
      return day;
    }
    String upper = t.toUpperCase(Locale.ROOT);
    read.findings()
        .error(
            Code.BAD_BUSINESS_DAY,
            item.pos(),
            "`" + t + "` is not a day of the week" + DidYouMean.hint(upper, DAY_NAMES));
    return Optional.empty();
  }

  private static Optional<LocalDate> date(YNode item, NodeReader read) {
    Optional<String> text = read.text(item, "a holiday");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String t = text.get();
    try {
      return Optional.of(isoDate(t));
    } catch (DateTimeParseException e) {
      // 2026-02-30 has the right shape: saying "write YYYY-MM-DD" would not help.
      String fix =
          t.matches("\\d{4}-\\d{2}-\\d{2}")
              ? "` is not a day of the calendar; check the month and the day"
              : "` is not a date; write YYYY-MM-DD, e.g. 2026-12-25";
      read.findings().error(Code.BAD_DATE, item.pos(), "`" + t + fix);
      return Optional.empty();
    }
  }

  /**
   * {@code LocalDate.parse(text)}, with YYYY-MM-DD read by hand when the date exists: java.time's
   * formatters are built on first use, a few milliseconds at each start. Anything else (another
   * shape, a day the calendar lacks) goes to {@code LocalDate.parse}, for its exact exception.
   */
  static LocalDate isoDate(String text) {
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 7);
      int day = digits(text, 8, 10);
      if (year >= 0
          && month >= 1
          && month <= 12
          && day >= 1
          && day <= YearMonth.of(year, month).lengthOfMonth()) {
        return LocalDate.of(year, month, day);
      }
    }
    return LocalDate.parse(text);
  }

  /** The ASCII digits text[from, to) as a number, or -1 if any is not a digit. */
  static int digits(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
