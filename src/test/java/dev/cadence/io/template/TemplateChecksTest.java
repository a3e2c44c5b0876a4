package dev.cadence.io.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.validate.Diagnostic;
import dev.cadence.validate.Findings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateChecksTest {
  @TempDir Path dir;

  private List<Diagnostic> check(String text) throws IOException {
    Path file = dir.resolve("t.md");
    Files.writeString(file, text);
    Findings findings = new Findings("t.md");
    TemplateChecks.check(file, true, findings);
    return findings.list();
  }

  @Test
  void aWellFormedTemplatePasses() throws IOException {
    assertThat(
            check("---\nsubject: Hello {{first_name}}\n---\nHi {{first_name}} from {{company}}.\n"))
        .isEmpty();
  }

  @Test
  void anUnclosedPlaceholderBeforeAGoodOneIsReportedAtItsColumn() throws IOException {
    var found = check("---\nsubject: Hi\n---\nHi {{first_name}, from {{company}}\n");
    assertThat(found)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(4);
              assertThat(d.column()).isEqualTo(4);
              assertThat(d.message()).contains("not closed");
            });
  }

  @Test
  void anEmailTemplateWithoutSubjectIsReported() throws IOException {
    assertThat(check("Hi {{first_name}}\n"))
        .extracting(Diagnostic::message)
        .singleElement()
        .asString()
        .contains("front matter");
  }

  @Test
  void sectionsMustBeClosedInOrderInEachPart() throws IOException {
    assertThat(check("---\nsubject: Hi\n---\n{{#company}}At {{company}}.\n"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(4);
              assertThat(d.column()).isEqualTo(1);
              assertThat(d.message()).contains("never closed", "{{/company}}");
            });
    assertThat(check("---\nsubject: Hi\n---\nHi {{/company}}\n"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("never opened"));
    assertThat(check("---\nsubject: Hi\n---\n{{#a}}{{^b}}x{{/a}}{{/b}}\n"))
        .extracting(Diagnostic::message)
        .anySatisfy(m -> assertThat(m).contains("closes {{#b}}"));
    // A section opened in the subject does not continue into the body: each is rendered alone.
    assertThat(check("---\nsubject: Hi {{#first_name}}{{first_name}}\n---\n{{/first_name}}\n"))
        .hasSize(2);
    assertThat(check("---\nsubject: Hi\n---\n{{#company}}\nAt {{company}}.\n{{/company}}\n"))
        .isEmpty();
  }

  @Test
  void thisIsNotAFieldName() throws IOException {
    assertThat(check("---\nsubject: Hi\n---\n{{this}}\n"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("not a field name"));
  }

  /** What validate accepts, the renderer compiles; what it refuses, the renderer refuses too. */
  @Test
  void validateAndTheRendererAgreeOnEveryTemplate() throws IOException {
    TemplateRenderer renderer = new TemplateRenderer(new TemplateFolder(dir));
    Files.createDirectories(dir.resolve("templates"));
    String[] bodies = {
      "Hi {{first_name}}",
      "Hi {{{first_name}}}",
      "Hi {{&first_name}}",
      "{{! a note }}Hi",
      "{{#company}}at {{company}}{{/company}}",
      "{{^first_name}}there{{/first_name}}",
      "{{#a}}{{#b}}x{{/b}}{{/a}}",
      "{{#a}}\nx\n{{/a}}",
      "{{#company}}at {{company}}",
      "{{/company}}",
      "{{#a}}{{#b}}x{{/a}}{{/b}}",
      "{{this}}",
      "{{#this}}x{{/this}}",
      "{{> partial}}",
      "{{=<% %>=}}",
      "{{{{first_name}}}}",
      "{{{first_name}}",
      "Hi {{{first_name}}} and {{{company}",
      "{{ first name }}",
      "{{first_name}",
      "{{.}}",
      "{{-first}}",
      "{{$block}}x{{/block}}",
    };
    for (int i = 0; i < bodies.length; i++) {
      String text = "---\nsubject: Hello\n---\n" + bodies[i] + "\n";
      Files.writeString(dir.resolve("templates/t" + i + ".md"), text);
      Findings findings = new Findings("t" + i + ".md");
      TemplateChecks.check(dir.resolve("templates/t" + i + ".md"), true, findings);
      boolean validates = findings.list().isEmpty();
      boolean renders;
      try {
        renderer.render(
            "t" + i, java.util.Map.of("first_name", "Ada", "company", "Acme", "a", "1", "b", "2"));
        renders = true;
      } catch (BadTemplateException e) {
        renders = false;
      }
      assertThat(validates)
          .as(bodies[i] + ": validate " + findings.list() + ", renders " + renders)
          .isEqualTo(renders);
    }
  }
}
