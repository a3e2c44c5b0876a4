package dev.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import dev.cadence.model.Durations;
import dev.cadence.model.Window;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

/**
 * The schema's patterns for durations, windows and dates against the parsers the binder uses, so
 * that an editor never flags a value that {@code validate} accepts, nor accepts one it rejects
 * (except where only a parser can tell: a window that ends before it starts).
 */
class SchemaPatternsTest {
  private static final JsonNode DEFS = SchemaSupport.schemaNode().path("$defs");
  private static final JsonSchema DURATION = SchemaSupport.FACTORY.getSchema(DEFS.path("duration"));
  private static final JsonSchema DATE = SchemaSupport.FACTORY.getSchema(DEFS.path("date"));
  private static final JsonSchema WINDOW =
      SchemaSupport.FACTORY.getSchema(DEFS.path("schedule").path("properties").path("window"));

  @Property
  void durationPatternAgreesWithTheParser(
      @ForAll @StringLength(max = 12) @NumericChars @Chars({'w', 'd', 'h', 'm', 's', '.', '-'})
          String text) {
    assertThat(matches(DURATION, text))
        .as("`" + text + "`")
        .isEqualTo(parses(() -> Durations.parse(text)));
  }

  @Property
  void wellFormedDurationsMatch(
      @ForAll @IntRange(max = 999_999) int days,
      @ForAll @IntRange(max = 999_999) int hours,
      @ForAll boolean weeksFirst) {
    String text = (weeksFirst ? "1w" : "") + days + "d" + hours + "h";
    assertThat(matches(DURATION, text)).as(text).isTrue();
    assertThat(parses(() -> Durations.parse(text))).as(text).isTrue();
  }

  @Property
  void windowPatternAgreesWithTheParserOnEverythingButTheOrder(
      @ForAll @IntRange(max = 29) int startHour,
      @ForAll @IntRange(max = 69) int startMinute,
      @ForAll @IntRange(max = 29) int endHour,
      @ForAll @IntRange(max = 69) int endMinute,
      @ForAll boolean padHour) {
    String hourFormat = padHour ? "%02d" : "%d";
    String text =
        String.format(
            hourFormat + ":%02d-" + hourFormat + ":%02d",
            startHour,
            startMinute,
            endHour,
            endMinute);
    boolean wellFormed;
    try {
      Window.parse(text);
      wellFormed = true;
    } catch (IllegalArgumentException e) {
      wellFormed = e.getMessage().contains("must start before it ends");
    }
    assertThat(matches(WINDOW, text)).as(text).isEqualTo(wellFormed);
  }

  @Property
  void datePatternAcceptsExactlyTheDaysOfTheCalendar(
      @ForAll @IntRange(max = 9999) int year,
      @ForAll @IntRange(max = 13) int month,
      @ForAll @IntRange(max = 32) int day) {
    String text = String.format("%04d-%02d-%02d", year, month, day);
    boolean parses;
    try {
      LocalDate.parse(text);
      parses = true;
    } catch (DateTimeParseException e) {
      parses = false;
    }
    // February 30th, April 31st and February 29th of a common year too: validate rejects them.
    assertThat(matches(DATE, text)).as(text).isEqualTo(parses);
  }

  /** Every year's February 29th: the leap-year rule (every 4th, not every 100th, every 400th). */
  @org.junit.jupiter.api.Test
  void datePatternKnowsTheLeapYears() {
    for (int year = 0; year <= 9999; year++) {
      String text = String.format("%04d-02-29", year);
      assertThat(matches(DATE, text)).as(text).isEqualTo(java.time.Year.isLeap(year));
    }
  }

  private static boolean matches(JsonSchema schema, String text) {
    return schema.validate(TextNode.valueOf(text)).isEmpty();
  }

  private static boolean parses(Runnable parse) {
    try {
      parse.run();
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
