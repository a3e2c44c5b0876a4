package dev.cadence.report;

/**
 * Numbers as every text output of the tool writes them: digits grouped by thousands with a comma
 * ({@code 200,000 leads}, {@code 6,317 events}), whatever the machine's locale, so that a figure
 * reads the same in every command's summary and in the logs people paste into tickets. JSON and CSV
 * keep plain digits.
 */
public final class Count {
  private Count() {}

  /**
   * {@code n} with its thousands grouped: {@code 200,000}. By hand rather than {@code "%,d"}: the
   * formatter costs a start of {@code validate} several milliseconds the first time.
   */
  public static String of(long n) {
    String digits = Long.toString(n);
    int start = n < 0 ? 1 : 0;
    if (digits.length() - start <= 3) {
      return digits;
    }
    StringBuilder s = new StringBuilder(digits.length() + digits.length() / 3);
    s.append(digits, 0, start);
    for (int i = start; i < digits.length(); i++) {
      if (i > start && (digits.length() - i) % 3 == 0) {
        s.append(',');
      }
      s.append(digits.charAt(i));
    }
    return s.toString();
  }

  /** {@code n} and the noun, singular for exactly one: {@code 1 event}, {@code 6,317 events}. */
  public static String of(long n, String noun) {
    return of(n) + " " + (n == 1 ? noun : plural(noun));
  }

  /** The English plural of the nouns the tool counts (lead, row, touch, entry, ...). */
  static String plural(String noun) {
    if (noun.endsWith("y") && !noun.endsWith("ay") && !noun.endsWith("ey")) {
      return noun.substring(0, noun.length() - 1) + "ies";
    }
    boolean sibilant =
        noun.endsWith("ch") || noun.endsWith("sh") || noun.endsWith("s") || noun.endsWith("x");
    return noun + (sibilant ? "es" : "s");
  }
}
