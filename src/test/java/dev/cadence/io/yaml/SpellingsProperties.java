package dev.cadence.io.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

/** The binder's matching and the schema's pattern accept exactly the same texts. */
class SpellingsProperties {
  private static final Pattern DAYS = Pattern.compile(Spellings.DAYS.pattern());
  private static final Pattern MODELS = Pattern.compile(Spellings.SALES_MODELS.pattern());

  @Property(tries = 3000)
  void dayPatternAcceptsWhatTheBinderAccepts(
      @ForAll
          @StringLength(min = 2, max = 9)
          @Chars({'M', 'o', 'N', 'd', 'A', 'y', 'T', 'u', 'e'})
          @Chars({'S', 's', 'W', 'h', 'r', 'i', 'F', 'a', 'n', 'ſ', 'ı'})
          String text) {
    assertThat(DAYS.matcher(text).matches()).as(text).isEqualTo(Spellings.DAYS.indexOf(text) >= 0);
  }

  @Property(tries = 500)
  void everyAsciiCaseOfEveryWordIsAccepted(@ForAll long caseBits) {
    for (Spellings s : new Spellings[] {Spellings.DAYS, Spellings.SALES_MODELS}) {
      Pattern p = s == Spellings.DAYS ? DAYS : MODELS;
      for (String word : s.words()) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < word.length(); i++) {
          char c = word.charAt(i);
          b.append((caseBits >>> i & 1) == 1 ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        String text = b.toString();
        assertThat(s.indexOf(text)).as(text).isEqualTo(s.words().indexOf(word));
        assertThat(p.matcher(text).matches()).as(text).isTrue();
      }
    }
  }
}
