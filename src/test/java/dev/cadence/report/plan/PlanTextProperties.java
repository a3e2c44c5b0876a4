package dev.cadence.report.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hand-made date-time and iCalendar texts of the plan writers against what java.time's
 * formatters and the former String-based escaping and folding print, for any instant and zone.
 */
class PlanTextProperties {
  private static final long FIRST = LocalDate.of(1, 1, 1).toEpochDay() * 86_400;
  private static final long LAST = LocalDate.of(12_000, 12, 31).toEpochDay() * 86_400;

  @Property(tries = 3000)
  void whenIsWhatTheFormatterPrints(@ForAll("instants") Instant at, @ForAll("zones") ZoneId zone) {
    assertWhen(at, zone);
  }

  /**
   * Just before, at and after each offset change (DST, and zones that changed their standard time).
   */
  @Property(tries = 1000)
  void whenIsWhatTheFormatterPrintsAroundTransitions(
      @ForAll("transitions") Instant transition, @ForAll("nearby") long secondsAway) {
    for (String zone :
        List.of(
            "Europe/Paris",
            "America/New_York",
            "Australia/Lord_Howe",
            "America/St_Johns",
            "Pacific/Chatham",
            "Asia/Kolkata",
            "America/Sao_Paulo",
            "Africa/Casablanca",
            "Antarctica/Troll")) {
      assertWhen(transition.plusSeconds(secondsAway), ZoneId.of(zone));
    }
  }

  @Property(tries = 3000)
  void dayNumberIsTheLocalDate(@ForAll("instants") Instant at, @ForAll("zones") ZoneId zone) {
    assertThat(TimeText.Local.of(at, zone).epochDay())
        .as(at + " in " + zone)
        .isEqualTo(at.atZone(zone).toLocalDate().toEpochDay());
  }

  @Property(tries = 3000)
  void utcBasicIsWhatTheFormatterPrints(@ForAll("instants") Instant at) {
    assertThat(TimeText.appendUtcBasic(new StringBuilder("x"), at).toString())
        .as(at.toString())
        .isEqualTo("x" + TimeText.UTC_BASIC.format(at));
  }

  @Property(tries = 2000)
  void escapingIsTheChainOfReplacements(@ForAll("texts") String s) {
    String expected =
        s.replace("\\", "\\\\")
            .replace(";", "\\;")
            .replace(",", "\\,")
            .replace("\r\n", "\\n")
            .replace("\n", "\\n")
            .replace("\r", "\\n");
    assertThat(Ics.text(s)).isEqualTo(expected);
    assertThat(Ics.appendText(new StringBuilder("k:"), s).toString()).isEqualTo("k:" + expected);
  }

  @Property(tries = 2000)
  void foldingIsTheCodePointByCodePointFolding(@ForAll("texts") String s) {
    StringBuilder folded = new StringBuilder("x");
    Ics.line(folded, s);
    assertThat(folded.toString()).isEqualTo("x" + foldedOneByOne(s));
    for (String physical : folded.substring(1).split("\r\n")) {
      assertThat(physical.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
    }
  }

  /** The folding that Ics.line did before, one code point (and one String) at a time. */
  private static String foldedOneByOne(String content) {
    StringBuilder folded = new StringBuilder();
    int octets = 0;
    for (int i = 0; i < content.length(); ) {
      int cp = content.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (octets + size > 75) {
        folded.append("\r\n ");
        octets = 1;
      }
      folded.appendCodePoint(cp);
      octets += size;
      i += Character.charCount(cp);
    }
    return folded.append("\r\n").toString();
  }

  private static void assertWhen(Instant at, ZoneId zone) {
    StringBuilder s = new StringBuilder("x");
    TimeText.appendWhen(s, TimeText.Local.of(at, zone));
    assertThat(s.toString())
        .as(at + " in " + zone)
        .isEqualTo("x" + TimeText.WHEN.format(at.atZone(zone)));
    assertThat(TimeText.appendTime(new StringBuilder(), TimeText.Local.of(at, zone)).toString())
        .as(at + " in " + zone)
        .isEqualTo(TimeText.TIME.format(at.atZone(zone)));
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Combinators.combine(
            Arbitraries.longs().between(FIRST, LAST),
            Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<ZoneId> zones() {
    List<ZoneId> zones = new ArrayList<>();
    ZoneId.getAvailableZoneIds().stream().sorted().map(ZoneId::of).forEach(zones::add);
    // Fixed offsets too: negative, half-hour, with seconds (which "xxx" leaves out), and zero.
    for (String offset :
        List.of("Z", "+05:30", "-03:30", "-00:30", "+14:00", "-12:00", "+05:30:15", "-00:00:30")) {
      zones.add(ZoneOffset.of(offset));
    }
    zones.add(ZoneId.of("UTC+01:00"));
    zones.add(ZoneId.of("GMT-08:00"));
    return Arbitraries.of(zones);
  }

  @Provide
  Arbitrary<Instant> transitions() {
    List<Instant> all = new ArrayList<>();
    for (String zone :
        List.of("Europe/Paris", "America/New_York", "Australia/Lord_Howe", "America/St_Johns")) {
      ZoneRules rules = ZoneId.of(zone).getRules();
      ZoneOffsetTransition t = rules.nextTransition(Instant.parse("1890-01-01T00:00:00Z"));
      while (t != null && t.getInstant().isBefore(Instant.parse("2040-01-01T00:00:00Z"))) {
        all.add(t.getInstant());
        t = rules.nextTransition(t.getInstant());
      }
    }
    return Arbitraries.of(all);
  }

  @Provide
  Arbitrary<Long> nearby() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(-2, 2), Arbitraries.longs().between(-3 * 3600, 3 * 3600));
  }

  /**
   * Text with what escaping and folding care about: separators, line breaks, wide and broken
   * characters.
   */
  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> piece =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("abc XYZ-.@019").ofMaxLength(30),
            Arbitraries.of(
                "\\", ";", ",", "\r\n", "\n", "\r", "é", "€", "日本", "😀", "\uD83D", "\uDE00", "Ω"),
            Arbitraries.strings().all().ofMaxLength(5));
    return piece.list().ofMaxSize(40).map(list -> String.join("", list));
  }
}
