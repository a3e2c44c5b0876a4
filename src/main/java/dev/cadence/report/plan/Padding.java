package dev.cadence.report.plan;

/** Fixed-width text columns appended in place, as {@code %3s} and {@code %-26s} would pad them. */
final class Padding {
  private Padding() {}

  /** Appends {@code n} right-aligned in {@code width} characters. */
  static StringBuilder left(StringBuilder s, long n, int width) {
    int start = s.length();
    s.append(n);
    for (int pad = width - (s.length() - start); pad > 0; pad--) {
      s.insert(start, ' ');
    }
    return s;
  }

  /** Pads what was appended to {@code s} since {@code start} with spaces to {@code width}. */
  static StringBuilder right(StringBuilder s, int start, int width) {
    for (int pad = width - (s.length() - start); pad > 0; pad--) {
      s.append(' ');
    }
    return s;
  }

  /** Appends {@code n} (0-99) as two digits. */
  static StringBuilder twoDigits(StringBuilder s, int n) {
    return s.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
  }
}
