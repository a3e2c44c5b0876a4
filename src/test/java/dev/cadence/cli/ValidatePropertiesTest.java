package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cadence.cli.CliHarness.CliResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever a file holds, {@code validate} answers with findings, never a crash: exit 0 or 1,
 * one-line messages, 1-based lines and columns, every format well-formed, and the same output for
 * the same input.
 */
class ValidatePropertiesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * A valid cadence using most of the format (checked by {@link #theSeedIsValid}), to be mutated.
   */
  static final String SEED =
      """
      cadence: outbound
      name: Outbound lead qualification
      description: New leads; gauge interest first.
      model: transactional
      schedule:
        timezone: lead
        fallback_timezone: Europe/Paris
        business_days: [MON, TUE, WED, THU, FRI]
        window: "09:00-17:00"
        holidays: [2026-12-25, 2027-01-01]
        min_gap: 1d
      exit_on: [replied, unsubscribed, bounced]
      statuses: [New, Attempted to contact, Qualified, Not interested]
      exits:
        not_interested:
          status: Not interested
          require: { email: 1, call: 1 }
        qualified:
          status: Qualified
      steps:
        - id: intro-email
          day: 1
          channel: email
          template: intro
          variants: { EMEA-FR: intro-fr }
        - id: check-call
          day: 2
          channel: call
          script: check
          status: Attempted to contact
          reminder: 15m
          on:
            connected: qualify
            not_interested: { exit: not_interested }
            voicemail: nudge
        - id: nudge
          wait: 2d
          channel: social
          next: qualify
        - id: qualify
          wait: 1d12h
          channel: call
          requires: [budget, decision_date]
          checklist: [confirm-need, identify-decision-makers]
          on:
            qualified: { fork: [approval, prep] }
          next: { exit: not_interested }
        - id: approval
          channel: approval
          team: sales-ops
          on:
            rejected: { exit: not_interested }
        - id: prep
          channel: task
          owner: ae
        - id: handover
          channel: meeting
          after: [approval, prep]
          next: { exit: qualified }
      """;

  /** Pieces of YAML and of the cadence format, so that random text gets past the parser often. */
  private static final List<String> TOKENS =
      List.of(
          "cadence",
          "steps",
          "id",
          "channel",
          "call",
          "email",
          "task",
          "next",
          "on",
          "exit",
          "handoff",
          "fork",
          "after",
          "day",
          "wait",
          "template",
          "exits",
          "require",
          "schedule",
          "window",
          "timezone",
          "min_gap",
          ":",
          ": ",
          "- ",
          "\n",
          "\r\n",
          "  ",
          " ",
          "\t",
          "[",
          "]",
          "{",
          "}",
          ",",
          "&a ",
          "*a",
          "<<: ",
          "\"",
          "'",
          "# ",
          "!!str ",
          "!x ",
          "? ",
          "| ",
          "> ",
          "---\n",
          "...\n",
          "%YAML 1.2\n",
          "1",
          "-1",
          "0",
          "3d",
          "x<&>",
          "\\n",
          "\u00e9",
          "\uFEFF",
          "\u2028",
          "09:00-17:00",
          "Europe/Paris",
          "a",
          "b",
          // Quoted scalars whose escapes make line breaks and control characters inside keys and
          // ids.
          "\"a\\nb\"",
          "\"x\\ty\"",
          "\"\\e[31m\"",
          "\"\\u0085\\r\"",
          "'it''s'");

  private static Path dir;
  private static Path file;

  @BeforeContainer
  static void createFolder() throws IOException {
    dir = Files.createTempDirectory("cadence-props");
    Files.createDirectories(dir.resolve("templates"));
    Files.createDirectories(dir.resolve("scripts"));
    Files.writeString(
        dir.resolve("templates/intro.md"),
        "---\nsubject: Hello {{first_name}}\n---\nHi {{first_name}},\n");
    Files.writeString(
        dir.resolve("templates/intro-fr.md"),
        "---\nsubject: Bonjour\n---\nBonjour {{first_name}},\n");
    Files.writeString(dir.resolve("scripts/check.md"), "# Check\nAsk whether they received it.\n");
    file = dir.resolve("input.yaml");
  }

  @AfterContainer
  static void deleteFolder() throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Property(tries = 1)
  void theSeedIsValid() {
    CliResult r = write(SEED.getBytes(StandardCharsets.UTF_8), "--strict");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(0);
    assertThat(r.out()).as(r.toString()).contains("0 errors, 0 warnings");
  }

  // Tries are kept modest: each runs the command six times (about 5 ms each on a warm JVM).
  @Property(tries = 100)
  void arbitraryText(@ForAll String text) {
    checkAll(text.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 200)
  void yamlLikeText(@ForAll("yamlish") String text) {
    checkAll(text.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 100)
  void arbitraryBytes(@ForAll @Size(max = 512) byte[] bytes) {
    checkAll(bytes);
  }

  @Property(tries = 250)
  void mutatedValidCadence(@ForAll("mutations") List<Mutation> mutations) {
    String text = SEED;
    for (Mutation m : mutations) {
      text = m.apply(text);
    }
    checkAll(text.getBytes(StandardCharsets.UTF_8));
  }

  @Provide
  Arbitrary<String> yamlish() {
    return Arbitraries.of(TOKENS).list().ofMaxSize(80).map(parts -> String.join("", parts));
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Kind> kinds = Arbitraries.of(Kind.class);
    Arbitrary<Integer> positions = Arbitraries.integers().between(0, Integer.MAX_VALUE);
    return Combinators.combine(kinds, positions, positions)
        .as(Mutation::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  enum Kind {
    DELETE_LINE,
    DUPLICATE_LINE,
    SWAP_CHARS,
    INSERT_TOKEN
  }

  /**
   * One edit of the text; the positions are taken modulo the text's current size (or token count).
   */
  record Mutation(Kind kind, int a, int b) {
    String apply(String text) {
      List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
      switch (kind) {
        case DELETE_LINE -> lines.remove(a % lines.size());
        case DUPLICATE_LINE -> {
          int i = a % lines.size();
          lines.add(i, lines.get(i));
        }
        case SWAP_CHARS -> {
          if (text.length() < 2) {
            return text;
          }
          char[] chars = text.toCharArray();
          int i = a % chars.length;
          int j = b % chars.length;
          char t = chars[i];
          chars[i] = chars[j];
          chars[j] = t;
          return new String(chars);
        }
        case INSERT_TOKEN -> {
          int at = a % (text.length() + 1);
          return text.substring(0, at) + TOKENS.get(b % TOKENS.size()) + text.substring(at);
        }
        default -> throw new IllegalStateException(kind.name());
      }
      return String.join("\n", lines);
    }
  }

  /** Every format, and JSON twice: the invariants hold and the output does not change. */
  private static void checkAll(byte[] content) {
    CliResult json = write(content, "--format", "json");
    assertThat(json.exitCode()).as(json.toString()).isIn(0, 1);
    assertThat(json.err()).as(json.toString()).isEmpty();
    int diagnostics = checkJson(json);

    CliResult again = run("--format", "json");
    assertThat(again.out()).as("same input, same output").isEqualTo(json.out());
    assertThat(again.exitCode()).isEqualTo(json.exitCode());

    CliResult text = run();
    assertThat(text.exitCode()).as(text.toString()).isEqualTo(json.exitCode());
    assertThat(text.err()).as(text.toString()).isEmpty();
    assertThat(text.out().lines().count())
        .as("one line per finding, then the summary\n" + text)
        .isEqualTo(diagnostics + 1);

    CliResult github = run("--format", "github");
    assertThat(github.out().lines().count()).as(github.toString()).isEqualTo(diagnostics);
    assertThat(github.out().lines())
        .as(github.toString())
        .allMatch(l -> l.matches("::(error|warning) file=.*::.+"));

    CliResult junit = run("--format", "junit");
    assertThat(junit.exitCode()).as(junit.toString()).isEqualTo(json.exitCode());
    assertWellFormedXml(junit);

    CliResult sarif = run("--format", "sarif");
    assertThat(sarif.exitCode()).as(sarif.toString()).isEqualTo(json.exitCode());
    try {
      assertThat(MAPPER.readTree(sarif.out()).at("/runs/0/results"))
          .as(sarif.toString())
          .hasSize(diagnostics);
    } catch (IOException e) {
      throw new AssertionError("SARIF is not JSON\n" + sarif, e);
    }
  }

  /** Checks each diagnostic and returns how many there are (the companion templates' included). */
  private static int checkJson(CliResult r) {
    JsonNode root;
    try {
      root = MAPPER.readTree(r.out());
    } catch (IOException e) {
      throw new AssertionError("not JSON\n" + r, e);
    }
    int count = 0;
    for (JsonNode f : root.get("files")) {
      for (JsonNode d : f.get("diagnostics")) {
        count++;
        // The contract's lines and columns are 1-based; findings about a whole file sit at 1:1.
        assertThat(d.get("line").intValue()).as(r.toString()).isGreaterThanOrEqualTo(1);
        assertThat(d.get("column").intValue()).as(r.toString()).isGreaterThanOrEqualTo(1);
        String message = d.get("message").textValue();
        assertThat(message)
            .as(r.toString())
            .isNotBlank()
            .doesNotContainPattern("[\\r\\n\\u0085\\u2028\\u2029]");
      }
    }
    assertThat(root.get("valid").booleanValue()).as(r.toString()).isEqualTo(r.exitCode() == 0);
    return count;
  }

  private static void assertWellFormedXml(CliResult r) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory
          .newDocumentBuilder()
          .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError("JUnit XML is not well-formed\n" + r, e);
    }
  }

  private static CliResult write(byte[] content, String... options) {
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return run(options);
  }

  private static CliResult run(String... options) {
    List<String> args = new ArrayList<>();
    args.add("validate");
    args.addAll(List.of(options));
    args.add(file.toString());
    return CliHarness.run(args.toArray(String[]::new));
  }
}
