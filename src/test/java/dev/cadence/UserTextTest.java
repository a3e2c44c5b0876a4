package dev.cadence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What users read speaks to them: no reference to how the tool was planned (a contract's section, a
 * seed's question, a guide's section, an issue number, a work session) in the README, the docs, the
 * samples, the help and messages; and the docs name files that exist.
 */
class UserTextTest {
  private static final Pattern PLANNING =
      Pattern.compile(
          "(?i)contract|seed'?s (question|rule|method|statuses)|seed example|example of the seed"
              + "|the seed:|guide section|guide this tool|sales-cadence guide|\\bissue \\d|\\(issue\\)"
              + "|issue's|the issues|\\bsession \\d|brief/|seed-digest|(?<!RFC \\d{3,4},? )section \\d");

  /** The files a user reads, and the sources of what the tool prints. */
  private static List<Path> userFiles() throws IOException {
    List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
    for (String dir :
        List.of("docs", "cadences", "samples", "src/main/resources", "src/dist", "bin")) {
      if (Files.isDirectory(Path.of(dir))) {
        try (Stream<Path> walk = Files.walk(Path.of(dir))) {
          walk.filter(Files::isRegularFile).forEach(files::add);
        }
      }
    }
    return files;
  }

  @Test
  void noPlanningReferenceInWhatUsersRead() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path f : userFiles()) {
      String text;
      try {
        text = Files.readString(f);
      } catch (java.nio.charset.MalformedInputException e) {
        continue; // not text
      }
      scan(f, text.lines().toList(), found);
    }
    assertThat(found).isEmpty();
  }

  @Test
  void noPlanningReferenceInTheToolsStrings() throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(Path.of("src/main/java"))) {
      for (Path f : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
        List<String> strings = new ArrayList<>();
        for (String line : Files.readAllLines(f)) {
          String code = line.strip();
          if (code.startsWith("*") || code.startsWith("//") || code.startsWith("/*")) {
            continue; // comments are for developers
          }
          Matcher literal = Pattern.compile("\"([^\"\\\\]|\\\\.)*\"").matcher(code);
          while (literal.find()) {
            strings.add(literal.group());
          }
        }
        scan(f, strings, found);
      }
    }
    assertThat(found).isEmpty();
  }

  private static void scan(Path f, List<String> lines, List<String> found) {
    for (int i = 0; i < lines.size(); i++) {
      if (PLANNING.matcher(lines.get(i)).find()) {
        found.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
      }
    }
  }

  /** Paths that stand for any file in a rule or a message shown as an example: no file to open. */
  private static final List<String> ILLUSTRATIONS =
      List.of(
          "cadences/x.yaml",
          "cadences/hand.yaml",
          "cadences/refund.yaml",
          "cadences/templates/refund.md");

  /** `samples/x.csv`, `cadences/y.yaml`, `docs/z.md` in the docs' text and examples exist. */
  @Test
  void theDocsNameFilesThatExist(@TempDir Path project) throws IOException {
    // A path may also be one of the files a new project starts with.
    assertThat(dev.cadence.cli.CliHarness.run("init", project.toString()).exitCode()).isZero();
    Pattern path =
        Pattern.compile("(?<![\\w/.-])((?:samples|cadences|docs|bench)/[\\w./-]*\\.[a-z]{2,4})\\b");
    Pattern link = Pattern.compile("\\]\\(([^)#:]+)(#[^)]*)?\\)");
    List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> walk = Files.list(Path.of("docs"))) {
      walk.filter(p -> p.toString().endsWith(".md")).forEach(docs::add);
    }
    List<String> missing = new ArrayList<>();
    for (Path doc : docs) {
      String text = Files.readString(doc);
      Matcher m = path.matcher(text);
      while (m.find()) {
        if (!m.group(1).contains("*")
            && !ILLUSTRATIONS.contains(m.group(1))
            && !Files.exists(Path.of(m.group(1)))
            && !Files.exists(project.resolve(m.group(1)))) {
          missing.add(doc + ": " + m.group(1));
        }
      }
      Matcher l = link.matcher(text);
      while (l.find()) {
        Path target = doc.resolveSibling(l.group(1));
        if (!Files.exists(target)) {
          missing.add(doc + ": link " + l.group(1));
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  /** Every shell block opens and closes: the README's "Learn from the outcomes" had no fence. */
  @Test
  void theReadmesCodeBlocksAreFenced() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("README.md"));
    assertThat(lines.stream().filter(l -> l.startsWith("```")).count() % 2).isZero();
    boolean fenced = false;
    for (String line : lines) {
      if (line.startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced) {
        assertThat(line).as("a command outside a code block").doesNotStartWith("bin/cadence ");
      }
    }
  }
}
