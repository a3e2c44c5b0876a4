package dev.cadence.io.template;

import dev.cadence.io.yaml.SafeYamlReader;
import dev.cadence.io.yaml.YNode;
import dev.cadence.io.yaml.YamlDocument;
import dev.cadence.model.Pos;
import dev.cadence.validate.Code;
import dev.cadence.validate.Findings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a message template: YAML front matter between {@code ---} lines with a {@code subject:}
 * (emails need one), then a body whose {@code {{placeholders}}} are well-formed Mustache names.
 */
public final class TemplateChecks {
  private static final Pattern TAG =
      Pattern.compile("\\{\\{(\\{?)\\s*([#^/!&]?)\\s*([^{}]*?)\\s*}?}}");

  private TemplateChecks() {}

  public static void check(Path file, boolean needsSubject, Findings findings) {
    String text;
    try {
      byte[] bytes = Files.readAllBytes(file);
      text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
      if (text.startsWith(
          "\uFEFF")) { // a byte-order mark, as editors on Windows write: accepted as in cadences
        text = text.substring(1);
      }
    } catch (IOException e) {
      findings.error(Code.IO_ERROR, Pos.NONE, "cannot read template: " + e.getMessage());
      return;
    }
    int bodyLine = 1;
    if (text.startsWith("---\n")) {
      int end = text.indexOf("\n---", 3);
      if (end < 0) {
        findings.error(
            Code.BAD_TEMPLATE,
            new Pos(1, 1),
            "front matter is not closed; end it with a line `---`");
        return;
      }
      String front = text.substring(4, end + 1);
      bodyLine = 3;
      for (int i = 0; i < front.length(); i++) {
        bodyLine += front.charAt(i) == '\n' ? 1 : 0;
      }
      frontMatter(front, needsSubject, findings);
      int bodyStart = text.indexOf('\n', end + 1);
      text = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
    } else if (needsSubject) {
      findings.error(
          Code.BAD_TEMPLATE,
          new Pos(1, 1),
          "an email template starts with front matter: a line `---`, `subject: ...`, and a line `---`");
    }
    placeholders(text, bodyLine, 0, findings);
  }

  private static void frontMatter(String front, boolean needsSubject, Findings findings) {
    YamlDocument doc = new SafeYamlReader().read(front.getBytes(StandardCharsets.UTF_8));
    for (var p : doc.problems()) {
      findings.error(Code.BAD_TEMPLATE, shift(p.pos()), "front matter: " + p.message());
    }
    if (doc.root().isEmpty()) {
      return;
    }
    if (!(doc.root().get() instanceof YNode.YMap map)) {
      findings.error(
          Code.BAD_TEMPLATE,
          new Pos(2, 1),
          "front matter must be `key: value` lines, e.g. `subject: Hello`");
      return;
    }
    var subject = map.entry("subject");
    boolean blank =
        subject.isEmpty()
            || subject.get().value() instanceof YNode.YScalar s
                && (s.isNull() || s.text().isBlank());
    if (needsSubject && blank) {
      findings.error(
          Code.BAD_TEMPLATE,
          new Pos(2, 1),
          "email template has no `subject:` in its front matter; add e.g. `subject: Hello {{first_name}}`");
    }
    if (subject.isPresent() && subject.get().value() instanceof YNode.YScalar value) {
      // Columns count from the start of the line, not of the value (plus the opening quote, if
      // any).
      int indent = value.pos().column() - 1 + (value.plain() ? 0 : 1);
      placeholders(value.text(), value.pos().line() + 1, indent, findings);
    }
  }

  private static Pos shift(Pos p) {
    return p.isKnown() ? new Pos(p.line() + 1, p.column()) : new Pos(1, 1);
  }

  /**
   * Checks every {{tag}} of one part (the subject or the body: each is rendered on its own, so each
   * must close its own sections); {@code indent} is the column offset of the text's first line. The
   * rules are the renderer's (TemplateRenderer), so that what validates also renders.
   */
  private static void placeholders(String text, int firstLine, int indent, Findings findings) {
    int before = findings.list().size();
    tags(text, firstLine, indent, findings);
    if (findings.list().size() == before && text.contains("{{")) {
      // The tag rules above say where; the renderer's own compile is the last word on the rest.
      TemplateRenderer.problem(text)
          .ifPresent(
              reason -> {
                Matcher at = AT_LINE.matcher(reason);
                int line = at.find() ? Integer.parseInt(at.group(1)) : 1;
                findings.error(
                    Code.BAD_TEMPLATE,
                    new Pos(firstLine + line - 1, line == 1 ? indent + 1 : 1),
                    "cannot be rendered: " + at.replaceAll("").strip());
              });
    }
  }

  /** jmustache's messages end with where: "... @ line 3". */
  private static final Pattern AT_LINE = Pattern.compile("\\s*@ line (\\d+)\\s*$");

  private static void tags(String text, int firstLine, int indent, Findings findings) {
    List<String> open = new ArrayList<>(); // sections not yet closed, innermost last
    List<Pos> openedAt = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (line.indexOf("{{") < 0) {
        continue; // no tag and nothing unclosed: spare the regex a scan of the line (at each start)
      }
      int offset = i == 0 ? indent : 0;
      Matcher m = TAG.matcher(line);
      int checkedUpTo = 0;
      while (m.find()) {
        unclosed(line, checkedUpTo, m.start(), firstLine + i, offset, findings);
        String name = m.group(3);
        String kind = m.group(2);
        Pos at = new Pos(firstLine + i, offset + m.start() + 1);
        if (!kind.equals("!") && !TemplateRenderer.isFieldName(name)) {
          findings.error(
              Code.BAD_TEMPLATE,
              at,
              "placeholder `" + m.group() + "` is not a field name; write e.g. {{first_name}}");
        } else if (kind.equals("#") || kind.equals("^")) {
          open.add(name);
          openedAt.add(at);
          if (open.size() == TemplateRenderer.MAX_NESTING + 1) { // the renderer's bound, once
            findings.error(Code.BAD_TEMPLATE, at, TemplateRenderer.tooDeep());
          }
        } else if (kind.equals("/")) {
          close(name, at, open, openedAt, findings);
        }
        checkedUpTo = m.end();
      }
      unclosed(line, checkedUpTo, line.length(), firstLine + i, offset, findings);
    }
    for (int k = 0; k < open.size(); k++) {
      findings.error(
          Code.BAD_TEMPLATE,
          openedAt.get(k),
          "section {{#" + open.get(k) + "}} is never closed; end it with {{/" + open.get(k) + "}}");
    }
  }

  /** A {{/name}}: it must close the innermost open section. */
  private static void close(
      String name, Pos at, List<String> open, List<Pos> openedAt, Findings findings) {
    int last = open.size() - 1;
    if (last < 0) {
      findings.error(
          Code.BAD_TEMPLATE, at, "{{/" + name + "}} closes a section that was never opened");
    } else if (!open.get(last).equals(name)) {
      findings.error(
          Code.BAD_TEMPLATE,
          at,
          "{{/"
              + name
              + "}} closes {{#"
              + open.get(last)
              + "}} (opened at line "
              + openedAt.get(last).line()
              + "); close the inner section first");
      open.remove(last);
      openedAt.remove(last);
    } else {
      open.remove(last);
      openedAt.remove(last);
    }
  }

  /** A {@code {{} between two well-formed tags (or after the last) that no {@code }}} closes. */
  private static void unclosed(
      String line, int from, int to, int lineNo, int offset, Findings findings) {
    int open = line.indexOf("{{", from); // no substring: a long line has thousands of tags
    if (open >= 0 && open + 2 <= to) {
      findings.error(
          Code.BAD_TEMPLATE,
          new Pos(lineNo, offset + open + 1),
          "placeholder opened with {{ is not closed with }} on the same line");
    }
  }
}
