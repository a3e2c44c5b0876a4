package dev.cadence.io.log;

/**
 * Parses the outcome log's timestamps straight from their bytes to microseconds since the epoch:
 * {@code YYYY-MM-DD}, {@code T} (or a space), {@code HH:MM[:SS[.fraction]]}, then {@code Z} or an
 * offset {@code +HH:MM}/{@code -HH:MM} (required: a time without an offset names no instant).
 * Digits of a fraction past the sixth are dropped. Anything else, an impossible date (February 30)
 * or time (24:00, 12:60) included, is refused. One instance per thread: it remembers the last date
 * it converted, which most lines repeat.
 */
final class IsoTimestamp {
  /** The answer for text that is not such a timestamp. */
  static final long INVALID = Long.MIN_VALUE;

  private static final long MICROS_PER_SECOND = 1_000_000L;

  private long lastDate8; // the first 8 bytes of the last date ("YYYY-MM-"), and its last two
  private int lastDate2;
  private long lastEpochDay = Long.MIN_VALUE;

  long parse(byte[] b, int off, int len) {
    if (len < 17) { // YYYY-MM-DDTHH:MMZ
      return INVALID;
    }
    long epochDay = epochDay(b, off);
    if (epochDay == Long.MIN_VALUE) {
      return INVALID;
    }
    int i = off + 10;
    int end = off + len;
    byte sep = b[i];
    if (sep != 'T' && sep != ' ' && sep != 't') {
      return INVALID;
    }
    int hour = twoDigits(b, i + 1);
    int minute = b[i + 3] == ':' ? twoDigits(b, i + 4) : -1;
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
      return INVALID;
    }
    i += 6;
    int second = 0;
    long fraction = 0;
    if (i < end && b[i] == ':') {
      if (i + 3 > end) {
        return INVALID;
      }
      second = twoDigits(b, i + 1);
      if (second < 0 || second > 59) {
        return INVALID;
      }
      i += 3;
      if (i < end && b[i] == '.') {
        i++;
        int digits = 0;
        while (i < end && b[i] >= '0' && b[i] <= '9') {
          if (digits < 6) {
            fraction = fraction * 10 + (b[i] - '0');
          }
          digits++;
          i++;
        }
        if (digits == 0 || digits > 9) {
          return INVALID;
        }
        for (int d = digits; d < 6; d++) {
          fraction *= 10;
        }
      }
    }
    if (i >= end) {
      return INVALID; // no offset
    }
    int offsetSeconds;
    byte z = b[i];
    if ((z == 'Z' || z == 'z') && i + 1 == end) {
      offsetSeconds = 0;
    } else if ((z == '+' || z == '-') && i + 6 == end && b[i + 3] == ':') {
      int oh = twoDigits(b, i + 1);
      int om = twoDigits(b, i + 4);
      if (oh < 0 || om < 0 || om > 59 || oh * 60 + om > 18 * 60) {
        return INVALID;
      }
      offsetSeconds = (oh * 3600 + om * 60) * (z == '-' ? -1 : 1);
    } else {
      return INVALID;
    }
    long seconds = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
    return seconds * MICROS_PER_SECOND + fraction;
  }

  /** Days since 1970-01-01 of the date at {@code b[off]}, or Long.MIN_VALUE. */
  private long epochDay(byte[] b, int off) {
    long date8 = (long) ByteInterner.LONGS.get(b, off);
    int date2 = (b[off + 8] << 8) | (b[off + 9] & 0xff);
    if (lastEpochDay != Long.MIN_VALUE && date8 == lastDate8 && date2 == lastDate2) {
      return lastEpochDay;
    }
    if (b[off + 4] != '-' || b[off + 7] != '-') {
      return Long.MIN_VALUE;
    }
    int hi = twoDigits(b, off);
    int lo = twoDigits(b, off + 2);
    int month = twoDigits(b, off + 5);
    int day = twoDigits(b, off + 8);
    if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1) {
      return Long.MIN_VALUE;
    }
    int year = hi * 100 + lo;
    if (day > lengthOfMonth(year, month)) {
      return Long.MIN_VALUE;
    }
    long days = toEpochDay(year, month, day);
    lastDate8 = date8;
    lastDate2 = date2;
    lastEpochDay = days;
    return days;
  }

  private static int twoDigits(byte[] b, int i) {
    int d1 = b[i] - '0';
    int d2 = b[i + 1] - '0';
    if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) {
      return -1;
    }
    return d1 * 10 + d2;
  }

  private static boolean leap(int year) {
    return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  private static int lengthOfMonth(int year, int month) {
    switch (month) {
      case 2:
        return leap(year) ? 29 : 28;
      case 4:
      case 6:
      case 9:
      case 11:
        return 30;
      default:
        return 31;
    }
  }

  /** As {@link java.time.LocalDate#toEpochDay()}, without building a LocalDate. */
  static long toEpochDay(int year, int month, int day) {
    long y = year;
    long total = 365 * y;
    if (y >= 0) {
      total += (y + 3) / 4 - (y + 99) / 100 + (y + 399) / 400;
    } else {
      total -= y / -4 - y / -100 + y / -400;
    }
    total += (367 * month - 362) / 12;
    total += day - 1;
    if (month > 2) {
      total--;
      if (!leap(year)) {
        total--;
      }
    }
    return total - 719_528L; // days from year 0 to 1970
  }
}
