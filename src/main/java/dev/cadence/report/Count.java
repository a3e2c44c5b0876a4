package dev.cadence.report;

import java.util.Locale;

/**
 * Numbers as every text output of the tool writes them: digits grouped by thousands with a comma
 * ({@code 200,000 leads}, {@code 6,317 events}), whatever the machine's locale, so that a figure
 * reads the same in every command's summary and in the logs people paste into tickets. JSON and CSV
 * keep plain digits.
 */
public final class Count {
  private Count() {}

  /** {@code n} with its thousands grouped: {@code 200,000}. */
  public static String of(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** {@code n} and the noun, singular for exactly one: {@code 1 event}, {@code 6,317 events}. */
  public static String of(long n, String noun) {
    return of(n) + " " + (n == 1 ? noun : plural(noun));
  }

  private static String plural(String noun) {
    return noun.endsWith("y") && !noun.endsWith("ay") && !noun.endsWith("ey")
        ? noun.substring(0, noun.length() - 1) + "ies"
        : noun + "s";
  }
}
