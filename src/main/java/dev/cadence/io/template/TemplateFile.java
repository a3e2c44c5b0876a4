package dev.cadence.io.template;

import dev.cadence.io.yaml.SafeYamlReader;
import dev.cadence.io.yaml.YNode;
import dev.cadence.io.yaml.YamlDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A message template as written: the {@code subject:} of its YAML front matter (absent when there
 * is no front matter or no subject) and its body, with line ends normalised to {@code \n}. The
 * layout is the one {@link TemplateChecks} validates.
 */
record TemplateFile(Optional<String> subject, String body) {

  static TemplateFile read(Path file) {
    String text;
    try {
      text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new BadTemplateException(file + ": cannot read the template (" + e.getMessage() + ")");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (!text.startsWith("---\n")) {
      return new TemplateFile(Optional.empty(), text);
    }
    int end = text.indexOf("\n---", 3);
    if (end < 0) {
      throw new BadTemplateException(
          file + ": the front matter is not closed; end it with a line `---`");
    }
    String front = text.substring(4, end + 1);
    int bodyStart = text.indexOf('\n', end + 1);
    String body = bodyStart < 0 ? "" : text.substring(bodyStart + 1);
    return new TemplateFile(subject(file, front), body);
  }

  private static Optional<String> subject(Path file, String front) {
    YamlDocument doc = new SafeYamlReader().read(front.getBytes(StandardCharsets.UTF_8));
    if (!doc.problems().isEmpty()) {
      throw new BadTemplateException(file + ": front matter: " + doc.problems().get(0).message());
    }
    if (doc.root().isEmpty()) {
      return Optional.empty();
    }
    if (!(doc.root().get() instanceof YNode.YMap map)) {
      throw new BadTemplateException(
          file + ": the front matter must be `key: value` lines, e.g. `subject: Hello`");
    }
    Optional<YNode.Entry> entry = map.entry("subject");
    if (entry.isEmpty()) {
      return Optional.empty();
    }
    if (!(entry.get().value() instanceof YNode.YScalar scalar)) {
      throw new BadTemplateException(
          file
              + ": `subject:` must be text; put it in quotes, e.g. subject: \"{{first_name}}, hello\"");
    }
    return scalar.isNull() ? Optional.empty() : Optional.of(scalar.text());
  }
}
