package dev.cadence.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.Option;

/** {@code --now ISO-8601}: overrides the clock for commands that depend on the current time. */
final class NowOption {
  @Option(
      names = "--now",
      paramLabel = "ISO-8601",
      description =
          "Use this instant as now, e.g. 2026-12-01T09:00:00+01:00 (default: the system clock).")
  String now;

  /**
   * The instants the tool computes with: the store keeps epoch milliseconds and schedules look
   * years ahead, so an instant near the ends of {@link Instant}'s range would overflow half-way
   * through a command instead of being refused up front.
   */
  static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  Instant resolve(Clock clock) {
    if (now == null) {
      return clock.instant();
    }
    Instant at = parse(now);
    if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
      throw new CadenceException(
          ExitCodes.USAGE,
          "--now `" + now + "` is outside the supported range, " + EARLIEST + " to " + LATEST);
    }
    return at;
  }

  private static Instant parse(String now) {
    try {
      return OffsetDateTime.parse(now).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(now);
      } catch (DateTimeParseException again) {
        throw new CadenceException(
            ExitCodes.USAGE,
            "--now `"
                + now
                + "` is not an ISO-8601 instant; write e.g. 2026-12-01T09:00:00+01:00 or 2026-12-01T08:00:00Z");
      }
    }
  }
}
