package dev.cadence.io.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cadence.live.MessageComposer;
import dev.cadence.model.Lead;
import dev.cadence.validate.Findings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sections nested thousands deep: validate refuses them where the bound is crossed, the renderer
 * refuses them before its recursive parser sees them, and run's composer holds that template's
 * touches only.
 */
class TemplateNestingTest {
  @TempDir Path dir;

  /** {@code depth} sections on one field, nested on line 4 of the template. */
  static String nested(int depth) {
    return "---\nsubject: Hi\n---\n"
        + "{{#first_name}}".repeat(depth)
        + "x"
        + "{{/first_name}}".repeat(depth)
        + "\n";
  }

  @BeforeEach
  void templates() throws Exception {
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("templates/deep.md"), nested(20_000));
    Files.writeString(dir.resolve("templates/fine.md"), nested(TemplateRenderer.MAX_NESTING));
    Files.writeString(dir.resolve("templates/plain.md"), "---\nsubject: Hi\n---\nHello\n");
  }

  private static Lead lead() {
    return new Lead("L1", Map.of("first_name", "Ana"), Optional.empty(), false, 2);
  }

  @Test
  void validateReportsTheFirstSectionBeyondTheBoundOnce() {
    Findings findings = new Findings("deep.md");
    TemplateChecks.check(dir.resolve("templates/deep.md"), true, findings);

    assertThat(findings.list())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(4);
              assertThat(d.column()).isEqualTo(1 + 15 * TemplateRenderer.MAX_NESTING);
              assertThat(d.message()).contains("nested more than 100 deep");
            });
  }

  @Test
  void theBoundItselfValidatesAndRenders() {
    Findings findings = new Findings("fine.md");
    TemplateChecks.check(dir.resolve("templates/fine.md"), true, findings);
    assertThat(findings.list()).isEmpty();

    Rendering r = new TemplateRenderer(new TemplateFolder(dir)).render("fine", lead());
    assertThat(r).isEqualTo(new Rendering.Ready("Hi", "x\n"));
  }

  @Test
  void theRendererRefusesItWithTheFileAndLine() {
    TemplateRenderer renderer = new TemplateRenderer(new TemplateFolder(dir));
    assertThatThrownBy(() -> renderer.render("deep", lead()))
        .isInstanceOf(BadTemplateException.class)
        .hasMessageContaining("deep.md: body: sections are nested more than 100 deep")
        .hasMessageEndingWith("@ line 1"); // lines of the body
    assertThat(TemplateRenderer.problem(nested(20_000).substring(19))).isPresent();
  }

  @Test
  void theComposerHoldsTheDeepTemplatesTouchesAndStillComposesTheOthers() {
    TemplateComposer composer = new TemplateComposer();
    Map<String, String> fields = lead().fields();

    assertThat(composer.compose(dir, "deep", fields))
        .isInstanceOfSatisfying(
            MessageComposer.Held.class,
            h -> assertThat(h.reason()).contains("nested more than 100 deep"));
    assertThat(composer.compose(dir, "plain", fields))
        .isEqualTo(new MessageComposer.Ready("Hi", "Hello\n"));
  }
}
