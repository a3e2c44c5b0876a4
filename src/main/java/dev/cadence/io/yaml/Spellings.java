package dev.cadence.io.yaml;

import dev.cadence.model.SalesModel;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Words that a cadence file may write in any ASCII case ({@code model: Transactional}, {@code
 * business_days: [monday]}), and the JSON Schema pattern that accepts exactly those spellings. The
 * binder matches with {@link #indexOf} and {@code cadence schema} prints {@link #pattern}, so that
 * an editor never flags a spelling {@code validate} accepts, nor accepts one it rejects.
 *
 * <p>ASCII only, on purpose: Java's case folding would also take {@code ſun} for {@code SUN}, which
 * no regular expression of the schema (and no reader) would.
 */
public record Spellings(List<String> words) {
  /** {@code model:} values: word i is {@code SalesModel.values()[i]}. */
  public static final Spellings SALES_MODELS = salesModels();

  /**
   * {@code business_days:} items, a day's three letters or its full name: words 2k and 2k+1 are
   * {@code DayOfWeek.of(k + 1)}.
   */
  public static final Spellings DAYS = days();

  public Spellings {
    words = List.copyOf(words);
  }

  /** The sales model {@code text} spells, if any. */
  public static Optional<SalesModel> salesModel(String text) {
    int i = SALES_MODELS.indexOf(text);
    return i < 0 ? Optional.empty() : Optional.of(SalesModel.values()[i]);
  }

  /** The day of the week {@code text} spells, if any. */
  public static Optional<DayOfWeek> day(String text) {
    int i = DAYS.indexOf(text);
    return i < 0 ? Optional.empty() : Optional.of(DayOfWeek.of(i / 2 + 1));
  }

  /** The index of the word that {@code text} spells in some ASCII case, or -1. */
  public int indexOf(String text) {
    for (int w = 0; w < words.size(); w++) {
      if (sameIgnoringAsciiCase(words.get(w), text)) {
        return w;
      }
    }
    return -1;
  }

  /**
   * An ECMA-262 pattern (as JSON Schema uses) for any ASCII case of any word: {@code
   * ^(?:[Mm][Oo][Nn]|...)$}, since JSON Schema has no case-insensitive flag.
   */
  public String pattern() {
    StringBuilder p = new StringBuilder("^(?:");
    for (int w = 0; w < words.size(); w++) {
      if (w > 0) {
        p.append('|');
      }
      for (char c : words.get(w).toCharArray()) {
        char lower = asciiLower(c);
        char upper = Character.toUpperCase(lower);
        if (lower >= 'a' && lower <= 'z') {
          p.append('[').append(upper).append(lower).append(']');
        } else {
          p.append(c); // the words are letters, digits and _: nothing to escape
        }
      }
    }
    return p.append(")$").toString();
  }

  private static boolean sameIgnoringAsciiCase(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    for (int i = 0; i < a.length(); i++) {
      if (asciiLower(a.charAt(i)) != asciiLower(b.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static char asciiLower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private static Spellings salesModels() {
    List<String> words = new ArrayList<>();
    for (SalesModel m : SalesModel.values()) {
      words.add(m.name().toLowerCase(Locale.ROOT));
    }
    return new Spellings(words);
  }

  private static Spellings days() {
    List<String> words = new ArrayList<>();
    for (DayOfWeek d : DayOfWeek.values()) {
      words.add(d.name().substring(0, 3));
      words.add(d.name());
    }
    return new Spellings(words);
  }
}
