package dev.cadence.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Utf8Writer writes byte for byte what OutputStreamWriter(UTF-8) writes, broken surrogates
 * included.
 */
class Utf8WriterProperties {
  @Property(tries = 2000)
  void sameBytesAsTheJdkWriter(@ForAll("writes") List<String> writes, @ForAll boolean close)
      throws IOException {
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    ByteArrayOutputStream actual = new ByteArrayOutputStream();
    // A tiny buffer on our side, so that pieces straddle it.
    replay(
        writes, new PrintWriter(new OutputStreamWriter(expected, StandardCharsets.UTF_8)), close);
    replay(writes, new PrintWriter(new Utf8Writer(actual, 16)), close);
    assertThat(actual.toByteArray()).as(writes.toString()).isEqualTo(expected.toByteArray());
  }

  @Property(tries = 200)
  void aLongAsciiTextIsWrittenAsItIs(@ForAll("ascii") String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer w = new Utf8Writer(bytes, 64)) {
      w.write(text);
    }
    assertThat(bytes.toString(StandardCharsets.US_ASCII)).isEqualTo(text);
  }

  /**
   * Each piece through another way of writing: print(String), a slice, chars, one char, println.
   */
  private static void replay(List<String> writes, PrintWriter out, boolean close) {
    int k = 0;
    for (String w : writes) {
      switch (k++ % 5) {
        case 0 -> out.print(w);
        case 1 -> out.write(w, 0, w.length());
        case 2 -> out.write(w.toCharArray());
        case 3 -> w.chars().forEach(out::write);
        default -> out.println(w);
      }
      if (k % 7 == 0) {
        out.flush(); // a flush keeps a pending high surrogate pending
      }
    }
    if (close) {
      out.close();
    } else {
      out.flush();
    }
    if (out.checkError()) {
      throw new UncheckedIOException(new IOException("write failed"));
    }
  }

  @Provide
  Arbitrary<List<String>> writes() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.strings().ascii().ofMaxLength(80),
            Arbitraries.strings().withChars("aé€\uD83D\uDE00\uDBFF\uDC00\n").ofMaxLength(50),
            Arbitraries.of("\uD83D", "\uDE00", "😀", "é", "€", ""),
            Arbitraries.strings().all().ofMaxLength(40));
    return piece.list().ofMaxSize(30);
  }

  @Provide
  Arbitrary<String> ascii() {
    return Arbitraries.strings().ascii().ofMinLength(0).ofMaxLength(500);
  }
}
