package dev.cadence.io.log;

import dev.cadence.simulate.Simulation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that text is appended to as UTF-8, ASCII without a detour through a
 * String's bytes: a million-lead log is about a gigabyte, and every copy of it counts.
 */
final class Utf8Buffer {
  private byte[] bytes;
  private int size;

  Utf8Buffer(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  Utf8Buffer append(char c) {
    if (c < 0x80) {
      ensure(1);
      bytes[size++] = (byte) c;
      return this;
    }
    return append(String.valueOf(c));
  }

  Utf8Buffer append(String s) {
    int n = s.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        size -= i; // undo the ASCII prefix and encode the whole string properly
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
        return this;
      }
      bytes[size++] = (byte) c;
    }
    return this;
  }

  Utf8Buffer append(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
    return this;
  }

  private static final byte[] PAIRS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      PAIRS[2 * i] = (byte) ('0' + i / 10);
      PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  /** {@code value} (0 to 99) in two digits. */
  Utf8Buffer appendTwoDigits(int value) {
    ensure(2);
    bytes[size++] = PAIRS[2 * value];
    bytes[size++] = PAIRS[2 * value + 1];
    return this;
  }

  /** {@code value} in decimal, left-padded with zeros to {@code width} digits. */
  Utf8Buffer appendPadded(int value, int width) {
    ensure(width + 11);
    int digits =
        value < 10
            ? 1
            : value < 100
                ? 2
                : value < 1000 ? 3 : value < 10_000 ? 4 : String.valueOf(value).length();
    for (int i = digits; i < width; i++) {
      bytes[size++] = '0';
    }
    int end = size + digits;
    for (int i = end - 1, v = value; i >= size; i--, v /= 10) {
      bytes[i] = (byte) ('0' + v % 10);
    }
    size = end;
    return this;
  }

  /**
   * Makes room for {@code more} bytes, so that as many bytes of {@link #put} need no check each.
   */
  void reserve(int more) {
    ensure(more);
  }

  /** Appends an ASCII character within room made by {@link #reserve}. */
  void put(char ascii) {
    bytes[size++] = (byte) ascii;
  }

  /** Appends bytes within room made by {@link #reserve}. */
  void put(byte[] b) {
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
  }

  int size() {
    return size;
  }

  void setSize(int size) {
    this.size = size;
  }

  void writeTo(Simulation.Output out) throws IOException {
    out.write(bytes, 0, size);
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  @Override
  public String toString() {
    return new String(bytes, 0, size, StandardCharsets.UTF_8);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
