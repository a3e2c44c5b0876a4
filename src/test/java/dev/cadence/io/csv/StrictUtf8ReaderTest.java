package dev.cadence.io.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictUtf8ReaderTest {
  @TempDir Path dir;

  private static String readAll(StrictUtf8Reader reader) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[7];
    int n;
    while ((n = reader.read(buf, 0, buf.length)) >= 0) {
      sb.append(buf, 0, n);
    }
    return sb.toString();
  }

  /** Hands out one byte per read, the worst case for code that assumes full buffers. */
  private static InputStream trickle(byte[] bytes) {
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1));
      }
    };
  }

  @Test
  void decodesTextAndTracksLinesAndBadBytesEvenOneByteAtATime() throws IOException {
    byte[] bytes =
        LeadFiles.bytes(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            "é\r\n\rx",
            new byte[] {(byte) 0xFF},
            "\n\n😀");
    StrictUtf8Reader reader = new StrictUtf8Reader(trickle(bytes), 1, 0);
    assertThat(readAll(reader)).isEqualTo("é\r\n\rx\uFFFD\n\n😀");
    assertThat(reader.takeBadBytesThrough(2)).isEmpty();
    assertThat(reader.takeBadBytesThrough(5))
        .containsExactly(new StrictUtf8Reader.BadBytes(3, 9, "0xFF"));
    assertThat(reader.firstNonEmptyLineAfter(0)).isEqualTo(1);
    assertThat(reader.firstNonEmptyLineAfter(1)).as("line 2 is empty").isEqualTo(3);
    assertThat(reader.firstNonEmptyLineAfter(3)).as("line 4 is empty").isEqualTo(5);
    assertThat(reader.byteStartOf(5)).isEqualTo(bytes.length - 4);
    reader.forgetBefore(5);
    assertThat(reader.firstNonEmptyLineAfter(0)).isEqualTo(5);
  }

  @Test
  void skipsLinesToRestartInTheMiddleOfAFile() throws IOException {
    byte[] bytes = LeadFiles.bytes("a\nb\r\nc\rd\n");
    StrictUtf8Reader reader =
        new StrictUtf8Reader(new ByteArrayInputStream(bytes, 2, bytes.length - 2), 2, 2);
    reader.skipLines(2);
    assertThat(readAll(reader)).isEqualTo("d\n");
    assertThat(reader.byteStartOf(4)).isEqualTo("a\nb\r\nc\r".length());
  }

  /** Line breaks and multi-byte characters placed across the 64 KiB buffer edge. */
  @ParameterizedTest
  @ValueSource(ints = {-3, -2, -1, 0, 1, 2})
  void bufferEdgesSplitNothing(int shift) {
    int edge = 1 << 16;
    String header = "id,notes\n";
    String pad = "x".repeat(edge - header.length() - "A,".length() - 2 + shift);
    String text = header + "A," + pad + "é\r\nB,é\rC,\"q\r\nq\"\n";
    LeadReadResult r = LeadReader.read(LeadFiles.write(dir, "edge.csv", text), Map.of());
    assertThat(r.rejects()).as(r.toString()).isEmpty();
    assertThat(r.leads()).extracting(l -> l.line()).containsExactly(2L, 3L, 4L);
    assertThat(r.leads().get(0).field("notes")).contains(pad + "é");
    assertThat(r.leads().get(2).field("notes")).contains("q\r\nq");
  }
}
