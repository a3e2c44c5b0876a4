package dev.cadence.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A zone's offset at an instant, remembered between two of its transitions: {@code
 * ZoneRules.getOffset} works out the year's transitions (boxing the year into a map key) at every
 * call, and plan and simulate ask millions of times about the same few weeks. Thread-safe: the
 * remembered periods are immutable and kept in a plain array; a thread that misses one another
 * thread wrote merely works it out again.
 */
public final class ZoneOffsets {
  private static final int PERIODS = 4;
  private static final Map<ZoneId, ZoneOffsets> BY_ZONE = new ConcurrentHashMap<>();

  /** The offset over the epoch seconds [from, to). */
  private record Period(long from, long to, ZoneOffset offset) {}

  private final ZoneRules rules;
  private final Period[] periods = new Period[PERIODS];
  private int next;

  public ZoneOffsets(ZoneId zone) {
    this.rules = zone.getRules();
  }

  /** The shared instance for {@code zone} (zones are few: one per lead-list time zone). */
  public static ZoneOffsets of(ZoneId zone) {
    ZoneOffsets known = BY_ZONE.get(zone);
    return known != null ? known : BY_ZONE.computeIfAbsent(zone, ZoneOffsets::new);
  }

  /** The offset at {@code epochSecond}, as {@code zone.getRules().getOffset(instant)} gives it. */
  public ZoneOffset offset(long epochSecond) {
    Period[] known = periods;
    for (Period p : known) {
      if (p != null && epochSecond >= p.from() && epochSecond < p.to()) {
        return p.offset();
      }
    }
    Period p = period(epochSecond);
    int slot = next; // racy on purpose, see the class comment
    known[slot] = p;
    next = (slot + 1) % PERIODS;
    return p.offset();
  }

  private Period period(long epochSecond) {
    Instant at = Instant.ofEpochSecond(epochSecond);
    ZoneOffset offset = rules.getOffset(at);
    if (rules.isFixedOffset()) {
      return new Period(Long.MIN_VALUE, Long.MAX_VALUE, offset);
    }
    ZoneOffsetTransition previous = rules.previousTransition(at.plusSeconds(1));
    ZoneOffsetTransition following = rules.nextTransition(at);
    return new Period(
        previous == null ? Long.MIN_VALUE : previous.toEpochSecond(),
        following == null ? Long.MAX_VALUE : following.toEpochSecond(),
        offset);
  }
}
