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
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binds the {@code schedule:} block; every key is optional and defaults to {@link Schedule#DEFAULT}. */
final class ScheduleBinder {
  static final List<String> KEYS =
      List.of("timezone", "fallback_timezone", "business_days", "window", "holidays", "min_gap");
  private static final List<String> DAY_NAMES = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

  private ScheduleBinder() {}

  static Schedule bind(YNode node, NodeReader read) {
    Schedule d = Schedule.DEFAULT;
    Optional<YMap> found = read.mapping(node, "schedule", KEYS);
    if (found.isEmpty()) {
      return d;
    }
    YMap map = found.get();
    Map<String, Pos> keys = new HashMap<>();
    map.entries().forEach(e -> keys.put(e.key().text(), e.value().pos()));

    Optional<ZoneId> zone =
        value(map, "timezone").flatMap(n -> read.text(n, "timezone"))
            .filter(t -> !t.equals("lead"))
            .flatMap(t -> zone(t, map.entry("timezone").get().value().pos(), read, true));
    ZoneId fallback =
        value(map, "fallback_timezone")
            .flatMap(n -> read.text(n, "fallback_timezone").flatMap(t -> zone(t, n.pos(), read, false)))
            .orElse(d.fallbackZone());
    Set<DayOfWeek> days =
        value(map, "business_days").map(n -> businessDays(n, read)).orElse(d.businessDays());
    Window window =
        value(map, "window").flatMap(n -> read.parsed(n, "window", Code.BAD_WINDOW, Window::parse)).orElse(d.window());
    List<LocalDate> holidays =
        value(map, "holidays").map(n -> read.list(n, "holidays", item -> date(item, read))).orElse(d.holidays());
    var minGap = value(map, "min_gap").flatMap(n -> CadenceBinder.duration(n, "min_gap", read)).orElse(d.minGap());
    return new Schedule(zone, fallback, days, window, holidays, minGap, new SourceMap(node.pos(), keys));
  }

  private static Optional<YNode> value(YMap map, String key) {
    return map.entry(key).map(Entry::value);
  }

  private static Optional<ZoneId> zone(String text, Pos pos, NodeReader read, boolean leadAllowed) {
    try {
      return Optional.of(ZoneId.of(text));
    } catch (DateTimeException e) {
      List<String> known = new java.util.ArrayList<>(ZoneId.getAvailableZoneIds());
      if (leadAllowed) {
        known.add("lead");
      }
      Optional<String> best = DidYouMean.closest(text, known);
      read.findings().error(
          Code.BAD_TIMEZONE,
          pos,
          "`" + text + "` is not an IANA time zone"
              + best.map(b -> "; did you mean `" + b + "`?").orElse("; write e.g. Europe/Paris or America/New_York")
              + (leadAllowed && best.isEmpty() ? ", or `lead` for each lead's own zone" : ""));
      return Optional.empty();
    }
  }

  private static Set<DayOfWeek> businessDays(YNode node, NodeReader read) {
    List<DayOfWeek> days = read.list(node, "business_days", item -> day(item, read));
    if (days.isEmpty()) {
      if (node instanceof YNode.YSeq) {
        read.findings().error(Code.BAD_BUSINESS_DAY, node.pos(),
            "business_days is empty, so no touch could ever fall due; list at least one day, e.g. [MON, TUE, WED, THU, FRI]");
      }
      return Schedule.DEFAULT.businessDays();
    }
    return EnumSet.copyOf(days);
  }

  private static Optional<DayOfWeek> day(YNode item, NodeReader read) {
    return read.text(item, "a business day")
        .flatMap(
            t -> {
              String upper = t.toUpperCase(Locale.ROOT);
              for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().equals(upper) || d.name().startsWith(upper) && upper.length() == 3) {
                  return Optional.of(d);
                }
              }
              read.findings().error(
                  Code.BAD_BUSINESS_DAY,
                  item.pos(),
                  "`" + t + "` is not a day of the week" + DidYouMean.hint(upper, DAY_NAMES));
              return Optional.empty();
            });
  }

  private static Optional<LocalDate> date(YNode item, NodeReader read) {
    return read.text(item, "a holiday")
        .flatMap(
            t -> {
              try {
                return Optional.of(LocalDate.parse(t));
              } catch (DateTimeParseException e) {
                // 2026-02-30 has the right shape: saying "write YYYY-MM-DD" would not help.
                String fix = t.matches("\\d{4}-\\d{2}-\\d{2}")
                    ? "` is not a day of the calendar; check the month and the day"
                    : "` is not a date; write YYYY-MM-DD, e.g. 2026-12-25";
                read.findings().error(Code.BAD_DATE, item.pos(), "`" + t + fix);
                return Optional.empty();
              }
            });
  }
}
