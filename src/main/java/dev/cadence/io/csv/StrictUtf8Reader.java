package dev.cadence.io.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes UTF-8 one physical line at a time with a decoder that reports malformed input instead of
 * replacing it, so a bad byte is pinned to its line and byte offset and the next line decodes afresh.
 *
 * <p>A bad sequence is handed on as U+FFFD so the CSV parser keeps its structure (line breaks, commas
 * and quotes are ASCII and never part of a multi-byte sequence); the caller rejects every record that
 * spans a line listed in {@link #takeBadBytesThrough}. It also keeps a window of recent lines (start
 * byte, emptiness) so records can be given their physical start line and parsing can restart at any
 * line. Line breaks are LF, CRLF or a lone CR, counted the way Commons CSV counts them.
 */
final class StrictUtf8Reader extends Reader {
  /** An invalid UTF-8 sequence: the physical line, its absolute byte offset, the bytes in hex. */
  record BadBytes(long line, long byteOffset, String hex) {}

  /** A physical line read so far: its number, the offset of its first byte, whether it had no content. */
  record LineInfo(long line, long byteStart, boolean empty) {}

  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int bufPos;
  private int bufLen;
  private boolean eof;
  private long bytePos;
  private long nextLine;
  private byte[] lineBytes = new byte[512];
  /** Bytes of the last line read by {@link #readLineBytes}, terminator included. */
  private int lineLength;
  private char[] chars = new char[512];
  private int charPos;
  private int charLen;
  private boolean utf16Bom;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ArrayDeque<LineInfo> lines = new ArrayDeque<>();
  private final ArrayDeque<BadBytes> bad = new ArrayDeque<>();

  /**
   * @param in the bytes, positioned at {@code firstByte} of the file
   * @param firstLine the physical line number of the first byte
   * @param firstByte the absolute offset of the first byte; a BOM is only looked for at offset 0
   */
  StrictUtf8Reader(InputStream in, long firstLine, long firstByte) throws IOException {
    this.in = in;
    this.nextLine = firstLine;
    this.bytePos = firstByte;
    if (firstByte == 0) {
      skipBom();
    }
  }

  /** Whether the file starts with a UTF-16 byte-order mark (a common "Unicode" export from Excel). */
  boolean utf16Bom() {
    return utf16Bom;
  }

  /** Skips {@code count} physical lines without decoding them (used to restart after a bad record). */
  void skipLines(long count) throws IOException {
    for (long i = 0; i < count; i++) {
      if (readLineBytes() < 0) {
        return;
      }
      nextLine++;
    }
  }

  /** The first line after {@code line} that has content: where the parser's next record starts. */
  long firstNonEmptyLineAfter(long line) {
    for (LineInfo info : lines) {
      if (info.line() > line && !info.empty()) {
        return info.line();
      }
    }
    return line + 1;
  }

  /** The offset of the first byte of {@code line}, which must still be in the window. */
  long byteStartOf(long line) {
    for (LineInfo info : lines) {
      if (info.line() == line) {
        return info.byteStart();
      }
    }
    throw new IllegalStateException("line " + line + " is no longer in the window");
  }

  /** Drops the lines before {@code line} from the window: records never start there again. */
  void forgetBefore(long line) {
    while (!lines.isEmpty() && lines.peekFirst().line() < line) {
      lines.pollFirst();
    }
  }

  /** Removes and returns the invalid sequences found on lines up to and including {@code line}. */
  List<BadBytes> takeBadBytesThrough(long line) {
    if (bad.isEmpty() || bad.peekFirst().line() > line) {
      return List.of();
    }
    List<BadBytes> taken = new ArrayList<>();
    while (!bad.isEmpty() && bad.peekFirst().line() <= line) {
      taken.add(bad.pollFirst());
    }
    return taken;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (charPos == charLen) {
      if (!decodeNextLine()) {
        return -1;
      }
    }
    int n = Math.min(len, charLen - charPos);
    System.arraycopy(chars, charPos, cbuf, off, n);
    charPos += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private void skipBom() throws IOException {
    fill(3);
    int avail = bufLen - bufPos;
    if (avail >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
      bufPos = 3;
      bytePos = 3;
    } else if (avail >= 2
        && (((buf[0] & 0xFF) == 0xFF && (buf[1] & 0xFF) == 0xFE)
            || ((buf[0] & 0xFF) == 0xFE && (buf[1] & 0xFF) == 0xFF))) {
      utf16Bom = true;
    }
  }

  /** Tries to have at least {@code n} unread bytes in the buffer; false at end of input. */
  private boolean fill(int n) throws IOException {
    if (bufLen - bufPos >= n) {
      return true;
    }
    if (bufPos > 0) {
      System.arraycopy(buf, bufPos, buf, 0, bufLen - bufPos);
      bufLen -= bufPos;
      bufPos = 0;
    }
    while (!eof && bufLen < n) {
      int r = in.read(buf, bufLen, buf.length - bufLen);
      if (r < 0) {
        eof = true;
      } else {
        bufLen += r;
      }
    }
    return bufLen - bufPos >= n;
  }

  /**
   * Reads one physical line, terminator included, into {@link #lineBytes}.
   *
   * @return the length of its content without the terminator, or -1 at end of input
   */
  private int readLineBytes() throws IOException {
    int len = 0;
    while (true) {
      if (bufPos == bufLen && !fill(1)) {
        return len == 0 ? -1 : finish(len, len);
      }
      byte b = buf[bufPos++];
      len = append(len, b);
      if (b == '\n') {
        return finish(len, len - 1);
      }
      if (b == '\r') {
        if (fill(1) && buf[bufPos] == '\n') {
          bufPos++;
          len = append(len, (byte) '\n');
          return finish(len, len - 2);
        }
        return finish(len, len - 1);
      }
    }
  }

  private int append(int len, byte b) {
    if (len == lineBytes.length) {
      lineBytes = Arrays.copyOf(lineBytes, len * 2);
    }
    lineBytes[len] = b;
    return len + 1;
  }

  private int finish(int total, int content) {
    lineLength = total;
    bytePos += total;
    return content;
  }

  private boolean decodeNextLine() throws IOException {
    long start = bytePos;
    int content = readLineBytes();
    if (content < 0) {
      return false;
    }
    long line = nextLine++;
    lines.addLast(new LineInfo(line, start, content == 0));
    int total = lineLength;
    if (chars.length < total) {
      chars = new char[Math.max(total, chars.length * 2)];
    }
    charPos = 0;
    boolean ascii = true;
    for (int i = 0; i < total; i++) {
      if (lineBytes[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      for (int i = 0; i < total; i++) {
        chars[i] = (char) lineBytes[i];
      }
      charLen = total;
      return true;
    }
    // UTF-8 never yields more chars than bytes, and a malformed sequence becomes one U+FFFD.
    ByteBuffer src = ByteBuffer.wrap(lineBytes, 0, total);
    CharBuffer dst = CharBuffer.wrap(chars);
    decoder.reset();
    while (true) {
      CoderResult result = decoder.decode(src, dst, true);
      if (result.isError()) {
        int at = src.position();
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < result.length(); i++) {
          hex.append(hex.length() == 0 ? "0x" : " 0x")
              .append(String.format("%02X", lineBytes[at + i] & 0xFF));
        }
        bad.addLast(new BadBytes(line, start + at, hex.toString()));
        dst.put('\uFFFD');
        src.position(at + result.length());
      } else {
        decoder.flush(dst);
        break;
      }
    }
    charLen = dst.position();
    return true;
  }
}
