package dev.cadence.io.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.analytics.RawEvents;
import dev.cadence.analytics.Signature;
import dev.cadence.model.Channel;
import dev.cadence.model.OutcomeEvent;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The log's escaping is reversible: whatever a value is, writing it and reading it back gives the
 * same value, so two values never collapse into one ({@code =EU} and {@code '=EU} stay two
 * regions).
 */
class OutcomeLogEscapeProperties {
  /**
   * Values made of what escaping and quoting care about, plus some plain text (pieces, not chars,
   * so that an emoji stays a whole surrogate pair).
   */
  @Provide
  Arbitrary<String> values() {
    return Arbitraries.of("'", "=", "+", "-", "@", "\t", "\r", "\n", ",", "\"", " ", "a", "é", "😀")
        .list()
        .ofMaxSize(6)
        .map(pieces -> String.join("", pieces));
  }

  @Property(tries = 2000)
  void unescapeUndoesEscape(@ForAll("values") String value) {
    String escaped = OutcomeLog.escape(value);
    assertThat(OutcomeLog.unescape(escaped)).isEqualTo(value);
    // The escaped form never starts a formula, whatever the value.
    assertThat(OutcomeLog.needsEscape(escaped) && !escaped.startsWith("'")).isFalse();
  }

  @Property(tries = 1000)
  void aCellReadByAnyCsvReaderThenUnescapedIsTheValue(@ForAll("values") String value)
      throws IOException {
    List<CSVRecord> records =
        CSVFormat.DEFAULT.parse(new StringReader(OutcomeLog.cell(value) + ",x\n")).getRecords();
    assertThat(OutcomeLog.unescape(records.get(0).get(0))).isEqualTo(value);
  }

  @Property(tries = 300)
  void theLogReaderReadsBackEveryValueTheWriterWrote(
      @ForAll @Size(min = 1, max = 12) @UniqueElements List<@From("values") String> values)
      throws IOException {
    List<String> leads = new ArrayList<>();
    for (String v : values) {
      leads.add(v.isEmpty() ? "empty" : v); // a lead needs an id
    }
    StringBuilder log = new StringBuilder(OutcomeLog.HEADER).append('\n');
    Instant at = Instant.parse("2026-03-02T08:00:00Z");
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      log.append(
              OutcomeLog.line(
                  new OutcomeEvent(
                      at.plusSeconds(i),
                      ZoneOffset.UTC,
                      leads.get(i),
                      "c" + v,
                      "s" + v,
                      Channel.EMAIL,
                      v,
                      v,
                      "sent")))
          .append('\n');
    }
    Path file = Files.createTempFile("outcome-log", ".csv");
    try {
      Files.writeString(file, log, StandardCharsets.UTF_8);
      OutcomeLogReader.Result result = new OutcomeLogReader(Map.of(), 1).read(List.of(file));
      RawEvents events = result.events();
      assertThat(events.size()).as(log.toString()).isEqualTo(values.size());
      assertThat(events.leads()).isEqualTo(Set.copyOf(leads).size());
      for (int r = 0; r < events.size(); r++) {
        Signature s = events.signatures().get(events.signature(r));
        String v = values.get(r);
        assertThat(List.of(s.region(), s.template(), s.cadence(), s.step()))
            .as(log.toString())
            .containsExactly(v, v, "c" + v, "s" + v);
      }
    } finally {
      Files.delete(file);
    }
  }

  @Property(tries = 1)
  void aFormulaAndTheSameFormulaQuotedStayTwoValues() {
    assertThat(OutcomeLog.cell("=EU")).isEqualTo("'=EU");
    assertThat(OutcomeLog.cell("'=EU")).isEqualTo("''=EU");
    assertThat(OutcomeLog.cell("'plain")).isEqualTo("''plain");
    assertThat(OutcomeLog.unescape("'plain")).isEqualTo("'plain"); // logs of older versions
  }
}
