package dev.cadence.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --start DATE}: the enrollment day of plan and simulate, in each lead's own zone. */
final class StartOption {
  @Option(
      names = "--start",
      paramLabel = "DATE",
      description =
          "Enroll every lead at the start of this day (YYYY-MM-DD) in its own zone (default: now, see --now).")
  String start;

  /** The day, or empty for "now"; a malformed date is a usage error. */
  Optional<LocalDate> day() {
    if (start == null) {
      return Optional.empty();
    }
    LocalDate day;
    try {
      day = LocalDate.parse(start);
    } catch (DateTimeParseException e) {
      throw new CadenceException(
          ExitCodes.USAGE,
          "--start `" + start + "` is not a date; write YYYY-MM-DD, e.g. 2026-03-02");
    }
    // The range of --now (a day's end runs past its start, so the last day is one earlier).
    LocalDate first = LocalDate.of(1970, 1, 2);
    LocalDate last = LocalDate.of(9999, 12, 30);
    if (day.isBefore(first) || day.isAfter(last)) {
      throw new CadenceException(
          ExitCodes.USAGE,
          "--start `" + start + "` is outside the supported range, " + first + " to " + last);
    }
    return Optional.of(day);
  }
}
