package dev.cadence.io.yaml;

import dev.cadence.io.yaml.ResponseModelReader.Problem;
import dev.cadence.io.yaml.YNode.YScalar;
import dev.cadence.model.Durations;
import dev.cadence.model.Pos;
import dev.cadence.simulate.Delay;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scalar values of a response model (probabilities, numbers, delays), each problem reported
 * where it is.
 */
final class ModelScalars {
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  private static final Pattern PERCENT = Pattern.compile("([-+]?(\\d+(\\.\\d*)?|\\.\\d+))\\s*%");

  private final List<Problem> problems;

  ModelScalars(List<Problem> problems) {
    this.problems = problems;
  }

  Optional<Double> probability(YNode node, String what) {
    Optional<Double> value = number(node, what);
    if (value.isPresent() && !(value.get() >= 0 && value.get() <= 1)) {
      problems.add(
          new Problem(
              known(node.pos()),
              what
                  + ": "
                  + text(node)
                  + " is outside [0, 1]; write a probability"
                  + " from 0 to 1 (e.g. 0.45) or a percentage (45%)"));
      return Optional.empty();
    }
    return value;
  }

  /** A plain number, or a percentage ({@code 45%} is 0.45). */
  Optional<Double> number(YNode node, String what) {
    if (node instanceof YScalar s && !s.isNull()) {
      String t = s.text().trim();
      if (s.plain() && NUMBER.matcher(t).matches()) {
        return Optional.of(Double.parseDouble(t));
      }
      Matcher percent = PERCENT.matcher(t);
      if (s.plain() && percent.matches()) {
        return Optional.of(Double.parseDouble(percent.group(1)) / 100);
      }
      String why =
          !s.plain() && (NUMBER.matcher(t).matches() || percent.matches())
              ? "the quoted text \"" + s.text() + "\" (remove the quotes)"
              : "`" + s.text() + "`";
      problems.add(new Problem(known(node.pos()), what + " must be a number, not " + why));
      return Optional.empty();
    }
    wrongType(node, what, "a number");
    return Optional.empty();
  }

  Optional<Delay> delay(YNode node, String what) {
    if (!(node instanceof YScalar s) || s.isNull()) {
      wrongType(node, what, "a duration (4h) or a range (1h..2d)");
      return Optional.empty();
    }
    String t = s.text().trim();
    int range = t.indexOf("..");
    try {
      if (range < 0) {
        return Optional.of(Delay.fixed(Durations.parse(t)));
      }
      Duration min = Durations.parse(t.substring(0, range));
      Duration max = Durations.parse(t.substring(range + 2));
      if (max.compareTo(min) < 0) {
        problems.add(
            new Problem(
                known(node.pos()),
                what
                    + ": the range `"
                    + t
                    + "` ends before it starts; write MIN..MAX, e.g. 1h..2d"));
        return Optional.empty();
      }
      return Optional.of(new Delay(min, max));
    } catch (IllegalArgumentException e) {
      problems.add(
          new Problem(
              known(node.pos()),
              what + ": " + e.getMessage() + "; a range is MIN..MAX, e.g. 1h..2d"));
      return Optional.empty();
    }
  }

  private void wrongType(YNode node, String what, String expected) {
    problems.add(
        new Problem(known(node.pos()), what + " must be " + expected + ", not " + node.kind()));
  }

  static String text(YNode node) {
    return node instanceof YScalar s ? s.text() : node.kind();
  }

  /** File-level problems have no position: they are shown at 1:1, like validate's. */
  static Pos known(Pos pos) {
    return pos.isKnown() ? pos : new Pos(1, 1);
  }
}
