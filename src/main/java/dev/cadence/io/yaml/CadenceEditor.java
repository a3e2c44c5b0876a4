package dev.cadence.io.yaml;

import dev.cadence.model.Pos;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Changes a cadence file's text the way a careful person would by hand: only the lines concerned
 * change, and comments, blank lines, quoting, line endings and layout elsewhere stay as they were.
 * Every operation reads the current text again, so the positions it works from are always fresh.
 * What cannot be changed safely by machine (a value written through an alias or over several lines,
 * a step written in flow style) is refused with the reason, never guessed at.
 */
public final class CadenceEditor {
  /**
   * A change that cannot be made safely by machine; the message says why and what to do instead.
   */
  public static final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message, null, false, false);
    }
  }

  private final boolean bom;
  private final List<String> lines = new ArrayList<>();

  /** The line break after each line as written ("" after a last line without one). */
  private final List<String> ends = new ArrayList<>();

  public CadenceEditor(String text) {
    bom = text.startsWith("\uFEFF");
    String body = bom ? text.substring(1) : text;
    int start = 0;
    for (int i = 0; i < body.length(); i++) {
      if (body.charAt(i) == '\n') {
        boolean crlf = i > start && body.charAt(i - 1) == '\r';
        lines.add(body.substring(start, crlf ? i - 1 : i));
        ends.add(crlf ? "\r\n" : "\n");
        start = i + 1;
      }
    }
    if (start < body.length()) {
      lines.add(body.substring(start));
      ends.add("");
    }
  }

  /** The text as it now is. */
  public String text() {
    StringBuilder out = new StringBuilder(bom ? "\uFEFF" : "");
    for (int i = 0; i < lines.size(); i++) {
      out.append(lines.get(i)).append(ends.get(i));
    }
    return out.toString();
  }

  /** The 1-based line where the step's item starts. */
  public int stepLine(String stepId) throws Refused {
    return step(stepId).pos().line();
  }

  /** The 1-based line of the step's {@code key}, if the step has it. */
  public Optional<Integer> keyLine(String stepId, String key) throws Refused {
    return step(stepId).entry(key).map(e -> e.key().pos().line());
  }

  /** The 1-based line of the step's variant for {@code region}, if it has one. */
  public Optional<Integer> variantLine(String stepId, String region) throws Refused {
    return step(stepId)
        .entry("variants")
        .flatMap(e -> e.value() instanceof YNode.YMap map ? map.entry(region) : Optional.empty())
        .map(e -> e.key().pos().line());
  }

  /**
   * Sets the step's {@code key} to the scalar {@code value}: in place when the key exists (its
   * quoting kept), else as a new line after the first of {@code after} that the step has (or its
   * {@code id}). Returns the line changed.
   */
  public int set(String stepId, String key, String value, String... after) throws Refused {
    return set(stepId, key, value, false, after);
  }

  /** As {@link #set(String, String, String, String...)} for a number, written unquoted. */
  public int setNumber(String stepId, String key, long value, String... after) throws Refused {
    return set(stepId, key, String.valueOf(value), true, after);
  }

  private int set(String stepId, String key, String value, boolean number, String... after)
      throws Refused {
    YNode.YMap step = step(stepId);
    Optional<YNode.Entry> entry = step.entry(key);
    if (entry.isPresent()) {
      YNode.YScalar scalar = sameLineScalar(entry.get(), "`" + key + "` of step `" + stepId + "`");
      replace(scalar, value, isFlow(step), number);
      return scalar.pos().line();
    }
    return insert(step, stepId, key + ": " + (number ? value : ScalarText.scalar(value)), after);
  }

  /**
   * Removes the step's {@code key} with its value and trailing comment; returns the first line
   * removed, or 0.
   */
  public int remove(String stepId, String key) throws Refused {
    YNode.YMap step = step(stepId);
    Optional<YNode.Entry> entry = step.entry(key);
    if (entry.isEmpty()) {
      return 0;
    }
    if (isFlow(step)) {
      throw flowStyle(stepId);
    }
    if (step.entries().get(0).key().text().equals(key)) {
      throw new Refused(
          "`"
              + key
              + "` opens the item of step `"
              + stepId
              + "` (its `- ` line); move `id:` first, then run again");
    }
    int first = entry.get().key().pos().line() - 1;
    int last = lastLineOf(entry.get());
    for (int i = last; i >= first; i--) {
      lines.remove(i);
      ends.remove(i);
    }
    return first + 1;
  }

  /**
   * Sends {@code template} to {@code region}: updates or adds the step's {@code variants} entry;
   * returns the line changed.
   */
  public int setVariant(String stepId, String region, String template) throws Refused {
    YNode.YMap step = step(stepId);
    Optional<YNode.Entry> variants = step.entry("variants");
    if (variants.isEmpty()) {
      return insert(
          step,
          stepId,
          "variants: { "
              + ScalarText.scalar(region, true)
              + ": "
              + ScalarText.scalar(template, true)
              + " }",
          new String[] {"template"});
    }
    if (!(variants.get().value() instanceof YNode.YMap map)) {
      throw new Refused(
          "`variants` of step `"
              + stepId
              + "` is not a mapping; write it as `variants: { REGION: template }`");
    }
    boolean flow = isFlow(map);
    Optional<YNode.Entry> existing = map.entry(region);
    if (existing.isPresent()) {
      YNode.YScalar scalar =
          sameLineScalar(existing.get(), "the variant for " + region + " of step `" + stepId + "`");
      replace(scalar, template, flow, false);
      return scalar.pos().line();
    }
    String pair = ScalarText.scalar(region, flow) + ": " + ScalarText.scalar(template, flow);
    if (flow) {
      return addToFlowMap(map, pair, stepId);
    }
    YNode.Entry lastEntry = map.entries().get(map.entries().size() - 1);
    int at = lastLineOf(lastEntry) + 1;
    int indent = map.entries().get(0).key().pos().column() - 1;
    insertLine(at, " ".repeat(indent) + pair);
    return at + 1;
  }

  private int insert(YNode.YMap step, String stepId, String content, String[] after)
      throws Refused {
    if (isFlow(step)) {
      throw flowStyle(stepId);
    }
    YNode.Entry anchor = null;
    for (String key : after) {
      anchor = step.entry(key).orElse(null);
      if (anchor != null) {
        break;
      }
    }
    if (anchor == null) {
      anchor = step.entry("id").orElse(step.entries().get(0));
    }
    int at = lastLineOf(anchor) + 1;
    insertLine(at, " ".repeat(anchor.key().pos().column() - 1) + content);
    return at + 1;
  }

  private void insertLine(int index, String content) {
    // The new line ends like the one before it; a file without a final line break keeps none.
    String end = index > 0 ? ends.get(index - 1) : "\n";
    if (index > 0 && end.isEmpty()) {
      ends.set(index - 1, lines.size() > 1 ? ends.get(0) : "\n");
      end = "";
    } else if (end.isEmpty()) {
      end = "\n";
    }
    lines.add(index, content);
    ends.add(index, end);
  }

  /**
   * Adds {@code pair} to a flow mapping written on one line: {@code { A: x }} becomes {@code { A:
   * x, B: y }}.
   */
  private int addToFlowMap(YNode.YMap map, String pair, String stepId) throws Refused {
    int index = map.pos().line() - 1;
    String line = lines.get(index);
    int open = ScalarText.offset(line, map.pos().column());
    int close = ScalarText.closingBrace(line, open);
    if (close < 0) {
      throw new Refused(
          "`variants` of step `" + stepId + "` spans several lines; add the region by hand");
    }
    String inner = line.substring(open + 1, close);
    String newInner =
        inner.isBlank()
            ? " " + pair + " "
            : inner.stripTrailing() + ", " + pair + (inner.endsWith(" ") ? " " : "");
    lines.set(index, line.substring(0, open + 1) + newInner + line.substring(close));
    return index + 1;
  }

  /**
   * The 0-based index of the last line of an entry: its key's line and the deeper-indented lines
   * under it.
   */
  private int lastLineOf(YNode.Entry entry) {
    int keyLine = entry.key().pos().line() - 1;
    int keyIndent = entry.key().pos().column() - 1;
    int last = keyLine;
    for (int i = keyLine + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || ScalarText.indent(line) <= keyIndent) {
        break;
      }
      last = i;
    }
    return last;
  }

  /** The entry's value as a scalar written on the key's line, or a refusal saying why not. */
  private YNode.YScalar sameLineScalar(YNode.Entry entry, String what) throws Refused {
    if (!(entry.value() instanceof YNode.YScalar scalar)
        || scalar.pos().line() != entry.key().pos().line()
        || !scalar.pos().isKnown()) {
      throw new Refused(
          what
              + " is not a plain value on its key's line (an alias, a block or a multi-line value); change it by hand");
    }
    return scalar;
  }

  /** Replaces the scalar's text in its line, keeping its quoting style. */
  private void replace(YNode.YScalar scalar, String value, boolean flow, boolean number)
      throws Refused {
    int index = scalar.pos().line() - 1;
    String line = lines.get(index);
    int start = ScalarText.offset(line, scalar.pos().column());
    if (start < 0 || start > line.length()) {
      throw new Refused(
          "cannot find the value `"
              + scalar.text()
              + "` at line "
              + scalar.pos().line()
              + "; change it by hand");
    }
    char first = start < line.length() ? line.charAt(start) : ' ';
    int end;
    String written;
    if (first == '"' || first == '\'') {
      end = ScalarText.quotedEnd(line, start);
      if (end < 0) {
        throw new Refused(
            "the quoted value at line "
                + scalar.pos().line()
                + " goes on over several lines; change it by hand");
      }
      written = number ? value : ScalarText.quote(value, first);
    } else {
      end = ScalarText.plainEnd(line, start, flow);
      if (!line.substring(start, end).equals(scalar.text())) {
        throw new Refused(
            "the value `"
                + scalar.text()
                + "` at line "
                + scalar.pos().line()
                + " is written over several lines; change it by hand");
      }
      written = number ? value : ScalarText.scalar(value, flow);
    }
    lines.set(
        index,
        line.substring(0, start)
            + written
            + ScalarText.alignedRest(line.substring(end), end - start - written.length()));
  }

  private boolean isFlow(YNode.YMap map) {
    Pos pos = map.pos();
    String line = lines.get(pos.line() - 1);
    int at = ScalarText.offset(line, pos.column());
    return at >= 0 && at < line.length() && line.charAt(at) == '{';
  }

  private static Refused flowStyle(String stepId) {
    return new Refused(
        "step `"
            + stepId
            + "` is written in flow style ({ ... }); write it as a block (one key per line) to let recommend edit it");
  }

  /** The step's mapping in the current text. */
  private YNode.YMap step(String stepId) throws Refused {
    for (YNode item : steps().items()) {
      if (item instanceof YNode.YMap map
          && map.entry("id")
              .map(e -> e.value() instanceof YNode.YScalar s && s.text().equals(stepId))
              .orElse(false)) {
        return map;
      }
    }
    throw new Refused("no step `" + stepId + "` in this file");
  }

  private YNode.YSeq steps() throws Refused {
    String text = text();
    for (char c : new char[] {'\u0085', '\u2028', '\u2029'}) {
      if (text.indexOf(c) >= 0) {
        throw new Refused(
            "the file has unusual line breaks (U+"
                + Integer.toHexString(c).toUpperCase()
                + "); save it with plain line breaks");
      }
    }
    if (text.replace("\r\n", "").indexOf('\r') >= 0) {
      throw new Refused(
          "the file has carriage returns without line feeds (old Mac line breaks); save it with plain line breaks");
    }
    YamlDocument doc = new SafeYamlReader().read(text.getBytes(StandardCharsets.UTF_8));
    if (!doc.problems().isEmpty() || doc.root().isEmpty()) {
      String why =
          doc.problems().isEmpty()
              ? "it is empty"
              : doc.problems().get(0).pos().line()
                  + ":"
                  + doc.problems().get(0).pos().column()
                  + ": "
                  + doc.problems().get(0).message();
      throw new Refused("the file does not read as YAML (" + why + "); fix it first");
    }
    if (doc.root().get() instanceof YNode.YMap root
        && root.entry("steps").map(YNode.Entry::value).orElse(null) instanceof YNode.YSeq seq) {
      return seq;
    }
    throw new Refused("the file has no `steps:` list");
  }
}
