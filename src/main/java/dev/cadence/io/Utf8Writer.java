package dev.cadence.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Encodes characters to UTF-8 straight into a byte buffer: byte for byte what an
 * OutputStreamWriter(UTF-8) writes, a malformed surrogate included (as {@code ?}), with a fraction
 * of the work. A 100,000-lead calendar is 450 MB of text, which BufferedWriter widened to chars and
 * the charset encoder narrowed again, on the one thread that also reads the lead list; long Strings
 * here go through String.getBytes, which copies an ASCII String's bytes as they are.
 *
 * <p>Not thread-safe on its own: PrintWriter, its usual wrapper, locks around every call.
 */
public final class Utf8Writer extends Writer {
  /** Strings this long or longer are encoded whole; shorter ones character by character. */
  private static final int WHOLE = 32;

  private final OutputStream out;
  private final byte[] buffer;
  private int count;

  /** A high surrogate that ended the last write and waits for its low half, or 0. */
  private char pendingHigh;

  public Utf8Writer(OutputStream out, int bufferSize) {
    this.out = out;
    this.buffer = new byte[bufferSize];
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    if (len >= WHOLE && pendingHigh == 0 && !Character.isHighSurrogate(s.charAt(off + len - 1))) {
      // Nothing carries over from or into a neighbouring write: encoding this piece alone is exact.
      byte[] bytes =
          (off == 0 && len == s.length() ? s : s.substring(off, off + len))
              .getBytes(StandardCharsets.UTF_8);
      writeBytes(bytes, 0, bytes.length);
      return;
    }
    for (int i = off, end = off + len; i < end; i++) {
      put(s.charAt(i));
    }
  }

  @Override
  public void write(char[] chars, int off, int len) throws IOException {
    for (int i = off, end = off + len; i < end; i++) {
      put(chars[i]);
    }
  }

  @Override
  public void write(int c) throws IOException {
    put((char) c);
  }

  /**
   * Pushes the buffered bytes on; a pending high surrogate stays pending, as the JDK's encoder
   * keeps it.
   */
  @Override
  public void flush() throws IOException {
    drain();
    out.flush();
  }

  /**
   * A high surrogate still pending is malformed now: written as {@code ?}, as the JDK's encoder
   * does.
   */
  @Override
  public void close() throws IOException {
    try {
      if (pendingHigh != 0) {
        pendingHigh = 0;
        putByte('?');
      }
      flush();
    } finally {
      out.close();
    }
  }

  private void put(char c) throws IOException {
    if (pendingHigh != 0) {
      char high = pendingHigh;
      pendingHigh = 0;
      if (Character.isLowSurrogate(c)) {
        int cp = Character.toCodePoint(high, c);
        ensure(4);
        buffer[count++] = (byte) (0xF0 | cp >> 18);
        buffer[count++] = (byte) (0x80 | (cp >> 12 & 0x3F));
        buffer[count++] = (byte) (0x80 | (cp >> 6 & 0x3F));
        buffer[count++] = (byte) (0x80 | (cp & 0x3F));
        return;
      }
      putByte('?'); // a high surrogate without its low half
    }
    if (c < 0x80) {
      putByte(c);
    } else if (c < 0x800) {
      ensure(2);
      buffer[count++] = (byte) (0xC0 | c >> 6);
      buffer[count++] = (byte) (0x80 | (c & 0x3F));
    } else if (Character.isHighSurrogate(c)) {
      pendingHigh = c;
    } else if (Character.isLowSurrogate(c)) {
      putByte('?'); // a low surrogate without its high half
    } else {
      ensure(3);
      buffer[count++] = (byte) (0xE0 | c >> 12);
      buffer[count++] = (byte) (0x80 | (c >> 6 & 0x3F));
      buffer[count++] = (byte) (0x80 | (c & 0x3F));
    }
  }

  private void putByte(int b) throws IOException {
    ensure(1);
    buffer[count++] = (byte) b;
  }

  private void ensure(int room) throws IOException {
    if (buffer.length - count < room) {
      drain();
    }
  }

  private void writeBytes(byte[] bytes, int off, int len) throws IOException {
    if (len > buffer.length - count) {
      drain();
      if (len >= buffer.length) {
        out.write(bytes, off, len); // a big piece goes out as it is, without a copy
        return;
      }
    }
    System.arraycopy(bytes, off, buffer, count, len);
    count += len;
  }

  private void drain() throws IOException {
    if (count > 0) {
      out.write(buffer, 0, count);
      count = 0;
    }
  }
}
