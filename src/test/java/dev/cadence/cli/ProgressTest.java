package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The progress line: on stderr when stderr is a terminal (whatever stdout is), never with --quiet,
 * and plain text for a dumb terminal.
 */
class ProgressTest {
  @TempDir Path dir;

  @Test
  void shownOnlyWhenStderrIsATerminalAndNotQuiet() {
    assertThat(Progress.Style.of(false, true, "xterm-256color")).isEqualTo(Progress.Style.BAR);
    assertThat(Progress.Style.of(false, true, null)).isEqualTo(Progress.Style.BAR);
    assertThat(Progress.Style.of(false, true, "dumb")).isEqualTo(Progress.Style.PLAIN);
    assertThat(Progress.Style.of(true, true, "xterm")).isEqualTo(Progress.Style.NONE);
    assertThat(Progress.Style.of(false, false, "xterm")).isEqualTo(Progress.Style.NONE);
    assertThat(Terminal.isTerminalDevice("/dev/pts/3")).isTrue();
    assertThat(Terminal.isTerminalDevice("/dev/tty1")).isTrue();
    assertThat(Terminal.isTerminalDevice("pipe:[81243]")).isFalse();
    assertThat(Terminal.isTerminalDevice("/tmp/err.log")).isFalse();
    assertThat(Terminal.isTerminalDevice("/dev/null")).isFalse();
  }

  @Test
  void aBarOfBlocksOnATerminalAndPlainTextOnADumbOne() {
    StringWriter bar = new StringWriter();
    Progress fancy =
        new Progress(Progress.Style.BAR, new PrintWriter(bar), 200_000, Progress.Unit.LEADS);
    fancy.update(50_000);
    fancy.done();
    StringWriter text = new StringWriter();
    Progress dumb =
        new Progress(Progress.Style.PLAIN, new PrintWriter(text), 200_000, Progress.Unit.LEADS);
    dumb.update(50_000);
    dumb.done();

    assertThat(bar.toString())
        .contains("\u2588", " 25% 50,000 of 200,000 leads")
        .endsWith("\r\u001b[K");
    assertThat(text.toString())
        .isEqualTo(
            "\r 25% 50,000 of 200,000 leads\r"
                + " ".repeat(" 25% 50,000 of 200,000 leads".length())
                + "\r");
    assertThat(text.toString().chars()).allMatch(c -> c == '\r' || (c >= 0x20 && c < 0x7f));
  }

  @Test
  void countsWithoutATotalAndDrawsNothingWhenNotShown() {
    StringWriter none = new StringWriter();
    Progress hidden =
        new Progress(Progress.Style.NONE, new PrintWriter(none), 10, Progress.Unit.LEADS);
    List<String> seen = new ArrayList<>();
    Consumer<String> sink = hidden.counting(seen::add);
    sink.accept("a");
    hidden.done();

    assertThat(seen).containsExactly("a");
    assertThat(none.toString()).isEmpty();
    Progress emails =
        new Progress(
            Progress.Style.PLAIN, new PrintWriter(new StringWriter()), 0, Progress.Unit.EMAILS);
    assertThat(emails.line(1_234)).isEqualTo("1,234 emails sent");
    Progress bytes =
        new Progress(
            Progress.Style.PLAIN,
            new PrintWriter(new StringWriter()),
            3L << 20,
            Progress.Unit.BYTES);
    assertThat(bytes.line(1L << 20)).isEqualTo(" 33% 1 of 3 MB read");
  }

  /**
   * The real thing, under a pseudo-terminal ({@code script}): stdout goes to a file, so {@code
   * System.console()} is null, yet stderr is the terminal and gets the bar.
   */
  @Test
  void aPlanWrittenToAFileShowsItsProgressOnTheTerminal() throws Exception {
    Path cadence =
        dev.cadence.live.LiveFixture.cadence(dir, "c", dev.cadence.live.LiveFixture.EMAILS_ONLY);
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      rows.add("L-" + i + ",l" + i + "@example.com,Lee,Co,Europe/Paris,,");
    }
    Path leads = dev.cadence.live.LiveFixture.leads(dir, "leads.csv", rows);
    String plan =
        "plan " + cadence + " --leads " + leads + " --format csv > " + dir.resolve("plan.csv");

    String bar = underATerminal("xterm", plan);
    String dumb = underATerminal("dumb", plan);
    String quiet = underATerminal("xterm", plan + " -q");

    assertThat(bar).contains("\u2591").contains(" of 300 leads").contains("\u001b[K");
    assertThat(dumb)
        .contains(" of 300 leads")
        .doesNotContain("\u2588")
        .doesNotContain("\u2591")
        .doesNotContain("\u001b");
    assertThat(quiet).doesNotContain(" leads");
    assertThat(Files.readAllLines(dir.resolve("plan.csv"))).hasSize(1 + 3 * 300);
  }

  /** What a terminal shows while the tool runs {@code args} (a shell command line) under it. */
  private String underATerminal(String term, String args) throws Exception {
    assumeTrue(
        new java.io.File("/usr/bin/script").canExecute(), "no script(1) for a pseudo-terminal");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String command =
        java
            + " -XX:TieredStopAtLevel=1 -cp "
            + System.getProperty("java.class.path")
            + " dev.cadence.Main "
            + args;
    Path screen = Files.createTempFile(dir, "screen", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder("script", "-q", "-e", "-c", command, "/dev/null")
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(screen.toFile())
            .redirectErrorStream(true);
    pb.environment().putAll(Map.of("TERM", term));
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String shown = Files.readString(screen);
    assertThat(p.exitValue()).as(shown).isZero();
    return shown;
  }
}
