package dev.cadence.io.template;

import dev.cadence.live.MessageComposer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in composer until the Mustache renderer is wired: front matter {@code subject:}, then the
 * body, {@code {{field}}} filled in one pass (lead values are never read as templates).
 */
public final class SimpleComposer implements MessageComposer {
  private static final Pattern TAG = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_.-]*)\\s*}}");

  @Override
  public Composed compose(Path cadenceDir, String template, Map<String, String> fields) {
    TemplateFolder folder = new TemplateFolder(cadenceDir);
    if (!folder.hasTemplate(template)) {
      return new Held(List.of(), "template `" + template + "` not found in " + cadenceDir.resolve("templates"));
    }
    String text;
    try {
      text = Files.readString(folder.templatePath(template), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      return new Held(List.of(), "cannot read template `" + template + "`: " + e.getMessage());
    }
    String subject = "";
    if (text.startsWith("---\n")) {
      int end = text.indexOf("\n---", 3);
      for (String line : text.substring(4, end).split("\n")) {
        if (line.startsWith("subject:")) {
          subject = line.substring(8).strip().replaceAll("^\"|\"$", "");
        }
      }
      int body = text.indexOf('\n', end + 1);
      text = body < 0 ? "" : text.substring(body + 1);
    }
    LinkedHashSet<String> missing = new LinkedHashSet<>();
    String s = fill(subject, fields, missing);
    String b = fill(text, fields, missing);
    if (!missing.isEmpty()) {
      return new Held(new ArrayList<>(missing), "no value for " + String.join(", ", missing));
    }
    return new Ready(s, b);
  }

  private static String fill(String text, Map<String, String> fields, LinkedHashSet<String> missing) {
    Matcher m = TAG.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = fields.get(m.group(1));
      if (v == null || v.isBlank()) {
        missing.add(m.group(1));
        v = "";
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }
}
