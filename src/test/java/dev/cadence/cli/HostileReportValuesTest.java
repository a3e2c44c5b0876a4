package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values from an outcome log that carry HTML or Markdown (a tag, a link, a backtick to break out of
 * a code span, a line break) come out of the Markdown and HTML reports as text.
 */
class HostileReportValuesTest {
  static final String SCRIPT = "<script>alert(1)</script>";
  static final String IMG = "<img src=x onerror=alert(2)>";
  static final String LINK = "[click](javascript:alert(3))";
  static final String BREAKOUT = "x`<img src=y onerror=alert(4)>`";

  @TempDir Path dir;

  /** The A/B log with its cadence, step, region and an event replaced by hostile values. */
  private Path hostileLog() throws Exception {
    Path log = AbLogs.write(dir.resolve("clean.csv"), 100, 6, 30);
    String text =
        Files.readString(log)
            .replace(",out,", ",out" + BREAKOUT + ",")
            .replace("followup-email", LINK)
            .replace("EMEA-FR", SCRIPT)
            .replace(",outbound-followup,", "," + IMG + ",");
    text += "2026-03-07T09:00:00+01:00,A-1,out,intro-email,email,intro,EU," + BREAKOUT + "\n";
    return Files.writeString(dir.resolve("log.csv"), text);
  }

  /** Raw HTML and autolinks start with a literal {@code <} outside a code span. */
  private static void noRawHtmlNorLink(String markdown) {
    String outsideCode = markdown.replaceAll("(`+) .*? \\1|`[^`\n]*`", "");
    assertThat(outsideCode).doesNotContain("<").doesNotContain(LINK);
  }

  @Test
  void analyzeMarkdownShowsLogValuesAsText() throws Exception {
    var r = CliHarness.run("analyze", hostileLog().toString(), "--format", "markdown");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    noRawHtmlNorLink(r.out());
    assertThat(r.out())
        .contains(
            "| &lt;script>alert(1)&lt;/script> |",
            "| &lt;img src=x onerror=alert(2)> |",
            "[click\\](javascript");
  }

  @Test
  void recommendMarkdownShowsLogValuesAsText() throws Exception {
    var r = CliHarness.run("recommend", hostileLog().toString(), "--format", "markdown");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    noRawHtmlNorLink(r.out());
    // The cadence id in a code span that its own backtick cannot close.
    assertThat(r.out())
        .contains("- **Cadence**: `` out" + BREAKOUT + " ``", "Make [click\\](javascript");
  }

  @Test
  void theHtmlReportEscapesThemToo() throws Exception {
    var r = CliHarness.run("analyze", hostileLog().toString(), "--format", "html");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out())
        .doesNotContain("<script", "<img", "onerror=alert(2)>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }
}
