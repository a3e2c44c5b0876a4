package dev.cadence.io.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cadence.model.Lead;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateRendererTest {
  @TempDir Path dir;
  private TemplateRenderer renderer;

  @BeforeEach
  void setUp() throws Exception {
    Files.createDirectories(dir.resolve("templates"));
    renderer = new TemplateRenderer(new TemplateFolder(dir));
  }

  private void template(String name, String text) throws Exception {
    Files.writeString(dir.resolve("templates").resolve(name + ".md"), text);
  }

  private static Lead lead(String... keyValues) {
    Map<String, String> fields = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      fields.put(keyValues[i], keyValues[i + 1]);
    }
    return new Lead("L1", fields, Optional.empty(), false, 2);
  }

  private Rendering.Ready ready(String name, Lead lead) {
    Rendering r = renderer.render(name, lead);
    assertThat(r).as(r.toString()).isInstanceOf(Rendering.Ready.class);
    return (Rendering.Ready) r;
  }

  @Test
  void fillsSubjectAndBodyFromTheLead() throws Exception {
    template(
        "intro",
        "---\nsubject: \"{{first_name}}, a question about {{company}}\"\n---\nHi {{first_name}},\n\n"
            + "How is {{company}} doing?\n");
    Rendering.Ready r = ready("intro", lead("first_name", "Zoë", "company", "Acme & Söhne <GmbH>"));
    assertThat(r.subject()).isEqualTo("Zoë, a question about Acme & Söhne <GmbH>");
    assertThat(r.body()).isEqualTo("Hi Zoë,\n\nHow is Acme & Söhne <GmbH> doing?\n");
  }

  @Test
  void aMissingOrBlankFieldHoldsTheTouchAndNamesEveryField() throws Exception {
    template(
        "intro",
        "---\nsubject: Hello {{first_name}}\n---\n{{company}} / {{title}} / {{first_name}}\n");
    Rendering r = renderer.render("intro", lead("first_name", "  ", "title", "CTO"));
    assertThat(r)
        .isEqualTo(
            new Rendering.Held(
                List.of("first_name", "company"),
                "no value for first_name, company (template intro)"));
  }

  @Test
  void aFieldThatLooksLikeATemplateStaysLiteral() throws Exception {
    template("intro", "---\nsubject: \"Re: {{company}}\"\n---\nHi {{first_name}}\n");
    Rendering.Ready r =
        ready(
            "intro",
            lead(
                "first_name",
                "{{email}} {{#x}}y{{/x}} {{> partial}}",
                "company",
                "{{first_name}}",
                "email",
                "secret@example.com"));
    assertThat(r.subject()).isEqualTo("Re: {{first_name}}");
    assertThat(r.body()).isEqualTo("Hi {{email}} {{#x}}y{{/x}} {{> partial}}\n");
  }

  @Test
  void spreadsheetFormulasAndHtmlPassThroughUntouched() throws Exception {
    template("intro", "---\nsubject: Hi\n---\nCompany: {{company}}\n");
    Rendering.Ready r =
        ready("intro", lead("company", "=HYPERLINK(\"http://evil.example\",\"click\")"));
    assertThat(r.body()).isEqualTo("Company: =HYPERLINK(\"http://evil.example\",\"click\")\n");
  }

  @Test
  void tripleAndAmpersandVariablesAreTheSameAsPlainOnes() throws Exception {
    template(
        "intro",
        "---\nsubject: Hi\n---\n{{company}}|{{{company}}}|{{&company}}|{{! a comment }}\n");
    assertThat(ready("intro", lead("company", "A&B <c>")).body())
        .isEqualTo("A&B <c>|A&B <c>|A&B <c>|\n");
  }

  @Test
  void sectionsShowTextWhenAFieldHasAValueAndInvertedOnesGiveAFallback() throws Exception {
    template(
        "intro",
        "---\nsubject: Hi\n---\n"
            + "Hi {{#first_name}}{{first_name}}{{/first_name}}{{^first_name}}there{{/first_name}},\n"
            + "{{#company}}How is {{company}}, {{first_name}}?{{/company}}{{^company}}No company.{{/company}}\n");
    assertThat(ready("intro", lead("first_name", "Zoë", "company", "Acme")).body())
        .isEqualTo("Hi Zoë,\nHow is Acme, Zoë?\n");
    assertThat(ready("intro", lead("first_name", "")).body()).isEqualTo("Hi there,\nNo company.\n");
  }

  @Test
  void aVariableInAnInvertedSectionOfAMissingFieldStillHasToBeFilled() throws Exception {
    template("intro", "---\nsubject: Hi\n---\n{{^company}}Hi {{first_name}}{{/company}}\n");
    Rendering r = renderer.render("intro", lead("email", "x@example.com"));
    assertThat(r).isInstanceOf(Rendering.Held.class);
    assertThat(((Rendering.Held) r).missing()).containsExactly("first_name");
    assertThat(ready("intro", lead("company", "Acme")).body()).isEqualTo("\n");
  }

  @Test
  void aLineBreakFromALeadFieldInTheSubjectHoldsTheTouch() throws Exception {
    template("intro", "---\nsubject: Hello {{first_name}}\n---\nHi {{first_name}}\n");
    Rendering r = renderer.render("intro", lead("first_name", "Zoë\r\nBcc: victim@example.net"));
    assertThat(r).isInstanceOf(Rendering.Held.class);
    assertThat(((Rendering.Held) r).reason()).contains("first_name").contains("subject");
  }

  @Test
  void aLineBreakInABodyFieldIsJustText() throws Exception {
    template("intro", "---\nsubject: Hello\n---\nNote: {{note}}\n");
    assertThat(ready("intro", lead("note", "line one\nline two")).body())
        .isEqualTo("Note: line one\nline two\n");
  }

  @Test
  void noNamesReachJavaObjects() throws Exception {
    // Reflection-based engines would answer these from String methods; here they are simply missing
    // fields.
    template(
        "intro",
        "---\nsubject: Hi\n---\n{{first_name.length}} {{first_name.class}} {{first_name.bytes}}\n");
    Rendering r = renderer.render("intro", lead("first_name", "Zoë"));
    assertThat(r)
        .isEqualTo(
            new Rendering.Held(
                List.of("first_name.length", "first_name.class", "first_name.bytes"),
                "no value for first_name.length, first_name.class, first_name.bytes (template intro)"));
  }

  @Test
  void aDottedColumnNameIsOneField() throws Exception {
    template("intro", "---\nsubject: Hi\n---\n{{deal.size}}\n");
    assertThat(ready("intro", lead("deal.size", "10k")).body()).isEqualTo("10k\n");
  }

  @Test
  void extraValuesFromTheCallerFillPlaceholders() throws Exception {
    template("intro", "---\nsubject: Hi\n---\nStop: {{unsubscribe_url}}\n");
    Rendering r = renderer.render("intro", Map.of("unsubscribe_url", "https://example.com/u/1"));
    assertThat(r).isEqualTo(new Rendering.Ready("Hi", "Stop: https://example.com/u/1\n"));
  }

  @Test
  void windowsLineEndsAndAByteOrderMarkAreAccepted() throws Exception {
    template("intro", "\uFEFF---\r\nsubject: Hi {{first_name}}\r\n---\r\nLine 1\r\nLine 2\r\n");
    assertThat(ready("intro", lead("first_name", "Zoë")))
        .isEqualTo(new Rendering.Ready("Hi Zoë", "Line 1\nLine 2\n"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "---\\nsubject: Hi\\n---\\n{{> footer}}\\n          | partials",
        "---\\nsubject: Hi\\n---\\n{{=<% %>=}}<%x%>\\n        | delimiters",
        "---\\nsubject: Hi\\n---\\n{{< base}}{{/base}}\\n      | inheritance",
        "---\\nsubject: Hi\\n---\\n{{$ block}}x{{/block}}\\n   | blocks",
        "---\\nsubject: Hi\\n---\\n{{.}}\\n                    | not a field name",
        "---\\nsubject: Hi\\n---\\n{{this}}\\n                 | not a field name",
        "---\\nsubject: Hi\\n---\\n{{#a}}{{-first}}{{/a}}\\n   | not a field name",
        "---\\nsubject: Hi\\n---\\n{{#a}}x\\n                  | body",
        "Hi {{first_name}}\\n                                  | needs `subject:`",
        "---\\nsubject: Hi\\n                                   | not closed",
        "---\\nsubject: [a, b]\\n---\\nx\\n                   | must be text",
      })
  void templatesThatUseMoreThanVariablesAreRefused(String text, String message) throws Exception {
    template("bad", text.replace("\\n", "\n"));
    assertThatThrownBy(() -> renderer.render("bad", lead("first_name", "Zoë", "a", "1")))
        .isInstanceOf(BadTemplateException.class)
        .hasMessageContaining(message);
  }

  @Test
  void aSubjectWrittenWithALineBreakEscapeIsRefused() throws Exception {
    template("bad", "---\nsubject: \"Hi\\r\\nBcc: x@example.net\"\n---\nx\n");
    assertThatThrownBy(() -> renderer.render("bad", lead()))
        .isInstanceOf(BadTemplateException.class)
        .hasMessageContaining("the subject must be one line");
  }

  @Test
  void anUnknownTemplateOrAnUnsafeNameIsRefused() {
    assertThatThrownBy(() -> renderer.render("nope", lead()))
        .isInstanceOf(BadTemplateException.class)
        .hasMessageContaining("template `nope` not found");
    assertThatThrownBy(() -> renderer.render("../../etc/passwd", lead()))
        .isInstanceOf(BadTemplateException.class);
  }

  private static boolean hasSubject(Path p) {
    try {
      return Files.readString(p)
          .contains("\nsubject:"); // social templates have none and are not emailed
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theSampleTemplatesRenderForAFullLead() throws Exception {
    Path cadences = Path.of("cadences");
    TemplateRenderer samples = new TemplateRenderer(new TemplateFolder(cadences));
    try (var files = Files.list(cadences.resolve("templates"))) {
      List<Path> all = files.filter(p -> p.toString().endsWith(".md") && hasSubject(p)).toList();
      assertThat(all).isNotEmpty();
      for (Path p : all) {
        String name = p.getFileName().toString().replaceFirst("\\.md$", "");
        Rendering r = samples.render(name, Map.of());
        // With no fields every placeholder is missing: each sample either needs none or is held.
        assertThat(r).as(name).isNotNull();
        if (r instanceof Rendering.Held held) {
          Map<String, String> all2 = new HashMap<>();
          held.missing().forEach(f -> all2.put(f, "<" + f + ">"));
          Rendering again = samples.render(name, all2);
          assertThat(again).as(name + " " + again).isInstanceOf(Rendering.Ready.class);
          assertThat(((Rendering.Ready) again).body()).doesNotContain("{{");
        }
      }
    }
  }
}
