package dev.cadence.report.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-joined JSON of the plan against what a Jackson generator writes for the same strings.
 */
class JsonPlanWriterTest {
  @Property(tries = 2000)
  void aQuotedStringIsWhatTheGeneratorWrites(@ForAll("texts") String value) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator g = new JsonFactory().createGenerator(text)) {
      g.writeString(value);
    }
    assertThat(JsonPlanWriter.quoted(value)).isEqualTo(text.toString());
  }

  /**
   * Quotes, backslashes, every control character, DEL, non-ASCII, line separators, broken
   * surrogates.
   */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.strings().withCharRange('\u0000', '\u0080').ofMaxLength(20),
            Arbitraries.of(
                "\"", "\\", "/", "\u2028", "\u2029", "é", "😀", "\uD83D", "\uDE00", "</script>"),
            Arbitraries.strings().all().ofMaxLength(10));
    return piece.list().ofMaxSize(20).map(list -> String.join("", list));
  }
}
