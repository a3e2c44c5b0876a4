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
    assertThat(check("---\nsubject: Hello {{first_name}}\n---\nHi {{first_name}} from {{company}}.\n")).isEmpty();
  }

  @Test
  void anUnclosedPlaceholderBeforeAGoodOneIsReportedAtItsColumn() throws IOException {
    var found = check("---\nsubject: Hi\n---\nHi {{first_name}, from {{company}}\n");
    assertThat(found).singleElement().satisfies(d -> {
      assertThat(d.line()).isEqualTo(4);
      assertThat(d.column()).isEqualTo(4);
      assertThat(d.message()).contains("not closed");
    });
  }

  @Test
  void anEmailTemplateWithoutSubjectIsReported() throws IOException {
    assertThat(check("Hi {{first_name}}\n")).extracting(Diagnostic::message)
        .singleElement().asString().contains("front matter");
  }
}
