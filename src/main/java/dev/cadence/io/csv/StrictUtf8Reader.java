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
 * replacing it, so a bad byte is pinned to its line and byte offset and the next line decodes
 * afresh.
 *
 * <p>A bad sequence is handed on as U+FFFD so the CSV parser keeps its structure (line breaks,
 * commas and quotes are ASCII and never part of a multi-byte sequence); the caller rejects every
 * record that spans a line listed in {@link #takeBadBytesThrough}. It also keeps a window of recent
 * lines (start byte, emptiness) so records can be given their physical start line and parsing can
 * restart at any line. Line breaks are LF, CRLF or a lone CR, counted the way Commons CSV counts
 * them.
 */
final class StrictUtf8Reader extends Reader {
  /** An invalid UTF-8 sequence: the physical line, its absolute byte offset, the bytes in hex. */
  record BadBytes(long line, long byteOffset, String hex) {}

  /**
   * A physical line read so far: its number, the offset of its first byte, whether it had no
   * content.
   */
  record LineInfo(long line, long byteStart, boolean empty) {}

  /** Decoded text is handed out in chunks of at least this many chars (whole lines). */
  private static final int CHUNK = 1 << 13;

  private final InputStream in;
  private byte[] buf = new byte[1 << 16];
  private int bufPos;
  private int bufLen;
  private boolean eof;

  /** Absolute offset of {@code buf[bufPos]} in the file. */
  private long bytePos;

  private long nextLine;

  /** Length of the terminator of the line {@link #findLineEnd} found (0, 1 or 2 bytes). */
  private int terminatorLength;

  private char[] chars = new char[CHUNK * 2];
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

  /**
   * Whether the file starts with a UTF-16 byte-order mark (a common "Unicode" export from Excel).
   */
  boolean utf16Bom() {
    return utf16Bom;
  }

  /**
   * Skips {@code count} physical lines without decoding them (used to restart after a bad record).
   */
  void skipLines(long count) throws IOException {
    for (long i = 0; i < count; i++) {
      int end = findLineEnd();
      if (end < 0) {
        return;
      }
      bytePos += end - bufPos;
      bufPos = end;
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
    if (charPos == charLen && !refill()) {
      return -1;
    }
    int n = Math.min(len, charLen - charPos);
    System.arraycopy(chars, charPos, cbuf, off, n);
    charPos += n;
    return n;
  }

  @Override
  public int read() throws IOException {
    if (charPos == charLen && !refill()) {
      return -1;
    }
    return chars[charPos++];
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private void skipBom() throws IOException {
    while (bufLen < 3 && !eof) {
      readMore();
    }
    if (bufLen >= 3
        && (buf[0] & 0xFF) == 0xEF
        && (buf[1] & 0xFF) == 0xBB
        && (buf[2] & 0xFF) == 0xBF) {
      bufPos = 3;
      bytePos = 3;
    } else if (bufLen >= 2
        && (((buf[0] & 0xFF) == 0xFF && (buf[1] & 0xFF) == 0xFE)
            || ((buf[0] & 0xFF) == 0xFE && (buf[1] & 0xFF) == 0xFF))) {
      utf16Bom = true;
    }
  }

  /**
   * Moves the unread bytes to the front (growing the buffer when one line fills it) and reads more.
   */
  private void readMore() throws IOException {
    if (bufPos > 0) {
      System.arraycopy(buf, bufPos, buf, 0, bufLen - bufPos);
      bufLen -= bufPos;
      bufPos = 0;
    }
    if (bufLen == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int r = in.read(buf, bufLen, buf.length - bufLen);
    if (r < 0) {
      eof = true;
    } else {
      bufLen += r;
    }
  }

  /**
   * Finds the end of the line starting at {@link #bufPos}, reading more input as needed, so that
   * the whole line sits in the buffer.
   *
   * @return the index just past its terminator (sets {@link #terminatorLength}), or -1 at end of
   *     input
   */
  private int findLineEnd() throws IOException {
    int i = bufPos;
    while (true) {
      while (i < bufLen) {
        byte b = buf[i];
        if (b == '\n') {
          terminatorLength = 1;
          return i + 1;
        }
        if (b == '\r') {
          if (i + 1 < bufLen || eof) {
            terminatorLength = i + 1 < bufLen && buf[i + 1] == '\n' ? 2 : 1;
            return i + terminatorLength;
          }
          break; // a CR at the buffer's end: is an LF next?
        }
        i++;
      }
      if (eof) {
        if (bufPos == bufLen) {
          return -1;
        }
        terminatorLength = 0;
        return bufLen;
      }
      int scanned = i - bufPos;
      readMore();
      i = bufPos + scanned;
    }
  }

  /** Decodes whole lines until a chunk's worth of chars is ready; false at end of input. */
  private boolean refill() throws IOException {
    charPos = 0;
    charLen = 0;
    while (charLen < CHUNK && decodeLine()) {
      // one more line
    }
    return charLen > 0;
  }

  /** Decodes the next physical line onto the end of {@link #chars}; false at end of input. */
  private boolean decodeLine() throws IOException {
    int end = findLineEnd();
    if (end < 0) {
      return false;
    }
    int start = bufPos;
    int total = end - start;
    long line = nextLine++;
    long lineByte = bytePos;
    lines.addLast(new LineInfo(line, lineByte, total == terminatorLength));
    if (chars.length - charLen < total) {
      // UTF-8 never yields more chars than bytes, and a malformed sequence becomes one U+FFFD.
      chars = Arrays.copyOf(chars, Math.max(charLen + total, chars.length * 2));
    }
    bufPos = end;
    bytePos += total;
    int i = start;
    while (i < end && buf[i] >= 0) {
      chars[charLen + i - start] = (char) buf[i];
      i++;
    }
    if (i == end) {
      charLen += total;
      return true;
    }
    ByteBuffer src = ByteBuffer.wrap(buf, start, total);
    CharBuffer dst = CharBuffer.wrap(chars, charLen, chars.length - charLen);
    decoder.reset();
    while (true) {
      CoderResult result = decoder.decode(src, dst, true);
      if (!result.isError()) {
        decoder.flush(dst);
        break;
      }
      int at = src.position();
      StringBuilder hex = new StringBuilder();
      for (int k = 0; k < result.length(); k++) {
        hex.append(k == 0 ? "0x" : " 0x").append(String.format("%02X", buf[at + k] & 0xFF));
      }
      bad.addLast(new BadBytes(line, lineByte + (at - start), hex.toString()));
      dst.put('\uFFFD');
      src.position(at + result.length());
    }
    charLen = dst.position();
    return true;
  }
}
