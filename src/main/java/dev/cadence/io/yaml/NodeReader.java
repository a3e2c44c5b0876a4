package dev.cadence.io.yaml;

import dev.cadence.io.yaml.YNode.YMap;
import dev.cadence.io.yaml.YNode.YScalar;
import dev.cadence.io.yaml.YNode.YSeq;
import dev.cadence.model.Pos;
import dev.cadence.model.StepRef;
import dev.cadence.validate.Code;
import dev.cadence.validate.DidYouMean;
import dev.cadence.validate.Findings;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed reads of located YAML nodes that report a diagnostic, never throw, on the wrong shape.
 *
 * <p>Written with loops and ifs rather than lambdas and streams, like the binders that use it:
 * every {@code validate} start runs this code once, cold, and each lambda is linked at run time on
 * first use (its cost: docs/benchmarks.md, validate; the binders had 60 of them).
 */
final class NodeReader {
  private final Findings findings;

  NodeReader(Findings findings) {
    this.findings = findings;
  }

  Findings findings() {
    return findings;
  }

  /** The node as a mapping whose keys are all known, reporting unknown keys with a suggestion. */
  Optional<YMap> mapping(YNode node, String what, List<String> knownKeys) {
    if (!(node instanceof YMap map)) {
      wrongType(node, what, "a mapping (key: value lines)");
      return Optional.empty();
    }
    for (YNode.Entry e : map.entries()) {
      String key = e.key().text();
      if (!knownKeys.contains(key)) {
        findings.error(
            Code.UNKNOWN_KEY,
            e.key().pos(),
            "unknown key `" + key + "` in " + what + DidYouMean.hint(key, knownKeys));
      }
    }
    return Optional.of(map);
  }

  /**
   * True if {@code map} has an unknown key that {@link #mapping} suggested {@code key} for: a
   * required key written with a typo is then reported once, as that unknown key, not also missing.
   */
  static boolean misspelled(YMap map, String key, List<String> knownKeys) {
    for (YNode.Entry e : map.entries()) {
      String k = e.key().text();
      if (!knownKeys.contains(k) && key.equals(DidYouMean.closest(k, knownKeys).orElse(null))) {
        return true;
      }
    }
    return false;
  }

  /** Text matching an id pattern; otherwise bad-id with a corrected example. */
  Optional<String> id(YNode node, String what, Pattern pattern) {
    Optional<String> found = text(node, what);
    if (found.isEmpty() || pattern.matcher(found.get()).matches()) {
      return found;
    }
    String text = found.get();
    findings.error(
        Code.BAD_ID,
        node.pos(),
        what
            + " `"
            + text
            + "` must match "
            + pattern.pattern()
            + " (lower-case letters, digits"
            + (pattern == CadenceBinder.CADENCE_ID ? " and -" : ", - and _")
            + "); e.g. `"
            + text.toLowerCase(Locale.ROOT)
                .replaceAll(
                    pattern == CadenceBinder.CADENCE_ID ? "[^a-z0-9-]+" : "[^a-z0-9_-]+", "-")
                .replaceAll("^-+|-+$", "")
            + "`");
    return Optional.empty();
  }

  Optional<String> text(YNode node, String what) {
    if (node instanceof YScalar s && !s.isNull()) {
      return Optional.of(s.text());
    }
    wrongType(node, what, "text");
    return Optional.empty();
  }

  /** A plain integer; anything else is reported with {@code code}. */
  Optional<Integer> integer(YNode node, String what, Code code, String fix) {
    if (node instanceof YScalar s && s.plain() && wholeNumber(s.text(), 1, 9)) {
      return Optional.of(Integer.parseInt(s.text()));
    }
    String shown;
    if (node instanceof YScalar s && !s.plain() && wholeNumber(s.text().trim(), 1, 9)) {
      shown = "the quoted text \"" + s.text() + "\" (remove the quotes)";
    } else if (node instanceof YScalar s && wholeNumber(s.text(), 10, Integer.MAX_VALUE)) {
      shown = "`" + s.text() + "`, which is too large";
    } else {
      shown = node instanceof YScalar s ? "`" + s.text() + "`" : node.kind();
    }
    findings.error(code, node.pos(), what + " must be a whole number, not " + shown + "; " + fix);
    return Optional.empty();
  }

  /**
   * True if {@code text} is an optional minus and {@code min} to {@code max} ASCII digits (the
   * regex {@code -?\d{min,max}}). A loop, not {@code String.matches}: that compiles a pattern at
   * each call, and every {@code day:} of every step is read here at each start.
   */
  static boolean wholeNumber(String text, int min, int max) {
    int start = text.startsWith("-") ? 1 : 0;
    int digits = text.length() - start;
    if (digits < min || digits > max) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A list of items read by {@code item}; duplicates reported as warnings. */
  <T> List<T> list(YNode node, String what, Function<YNode, Optional<T>> item) {
    List<T> out = new ArrayList<>();
    Map<String, Pos> seen = new HashMap<>();
    for (YNode n : items(node, what)) {
      Optional<T> value = item.apply(n);
      if (value.isPresent() && firstTime(seen, n, what)) {
        out.add(value.get());
      }
    }
    return out;
  }

  /**
   * The items of a list, or none after reporting that {@code node} is not a list. With {@link
   * #firstTime}, what {@link #list} does, for callers that read items without a lambda.
   */
  List<YNode> items(YNode node, String what) {
    if (!(node instanceof YSeq seq)) {
      wrongType(node, what, "a list, e.g. [a, b]");
      return List.of();
    }
    return seq.items();
  }

  /**
   * False, with a duplicate-item warning, if an item written as {@code n} was already taken from
   * this list; {@code seen} is keyed by the text as written: cheap, and what users see.
   */
  boolean firstTime(Map<String, Pos> seen, YNode n, String what) {
    Pos earlier = seen.putIfAbsent(label(n), n.pos());
    if (earlier != null) {
      findings.warning(
          Code.DUPLICATE_ITEM,
          n.pos(),
          what
              + " lists `"
              + label(n)
              + "` twice (first at line "
              + earlier.line()
              + "); remove one");
      return false;
    }
    return true;
  }

  List<String> texts(YNode node, String what) {
    List<String> out = new ArrayList<>();
    Map<String, Pos> seen = new HashMap<>();
    for (YNode n : items(node, what)) {
      Optional<String> value = text(n, "an item of " + what);
      if (value.isPresent() && firstTime(seen, n, what)) {
        out.add(value.get());
      }
    }
    return out;
  }

  /** Step references ({@code after}, {@code fork}): texts that keep their positions. */
  List<StepRef> stepRefs(YNode node, String what, String itemWhat) {
    List<StepRef> out = new ArrayList<>();
    Map<String, Pos> seen = new HashMap<>();
    for (YNode n : items(node, what)) {
      Optional<String> value = text(n, itemWhat);
      if (value.isPresent() && firstTime(seen, n, what)) {
        out.add(new StepRef(value.get(), n.pos()));
      }
    }
    return out;
  }

  /** Parses a text value with {@code parser}; its IllegalArgumentException becomes a diagnostic. */
  <T> Optional<T> parsed(YNode node, String what, Code code, Function<String, T> parser) {
    Optional<String> text = text(node, what);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(text.get()));
    } catch (RuntimeException e) {
      return failed(node, what, code, e);
    }
  }

  /** Reports a value that failed to parse with {@code e}'s message; always empty. */
  <T> Optional<T> failed(YNode node, String what, Code code, RuntimeException e) {
    findings.error(code, node.pos(), what + ": " + e.getMessage());
    return Optional.empty();
  }

  void wrongType(YNode node, String what, String expected) {
    findings.error(
        Code.BAD_TYPE, node.pos(), what + " must be " + expected + ", not " + node.kind());
  }

  private static String label(YNode n) {
    return n instanceof YScalar s ? s.text() : n.kind();
  }
}
