package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lead lists from standard input ({@code --leads -}) and from pipes, and where the rejected rows go
 * by default: the current folder, never beside the list, and never a failure.
 */
class LeadInputsTest {
  private static final String LEADS =
      "id,email,timezone\nL1,ana@example.fr,Europe/Paris\nL2,not-an-email,\nL3,c@example.com,\n";

  @TempDir Path dir;
  Path cadence;

  @BeforeEach
  void files() throws IOException {
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("templates/intro.md"), "---\nsubject: Hi\n---\nHello\n");
    cadence = dir.resolve("c.yaml");
    Files.writeString(
        cadence,
        """
        cadence: inputs
        schedule:
          timezone: lead
          fallback_timezone: Europe/Paris
          window: "09:00-17:00"
        steps:
          - id: intro
            day: 1
            channel: email
            template: intro
        """);
  }

  private CliHarness.CliResult plan(CommandContext context, String leads, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "plan",
                cadence.toString(),
                "--leads",
                leads,
                "--start",
                "2026-12-01",
                "--format",
                "csv",
                "--rejects",
                dir.resolve("r.csv").toString()));
    args.addAll(List.of(more));
    return CliHarness.run(context, args.toArray(String[]::new));
  }

  private static CommandContext stdin(String text) {
    return CommandContext.system()
        .withStdin(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aDashReadsTheListFromStandardInput() throws Exception {
    CliHarness.CliResult r = plan(stdin(LEADS), "-");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("\nL1,inputs,intro,email,").contains("\nL3,inputs,intro,");
    assertThat(r.err())
        .as(r.toString())
        .startsWith("-:3: rejected: ")
        .contains("1 of 3 rows rejected; written to " + dir.resolve("r.csv"));
    assertThat(Files.readString(dir.resolve("r.csv"))).contains("L2,not-an-email");
  }

  @Test
  void enrollAndSimulateReadStandardInputToo() throws Exception {
    CliHarness.CliResult enroll =
        CliHarness.run(
            stdin(LEADS),
            "enroll",
            cadence.toString(),
            "--leads",
            "-",
            "--db",
            dir.resolve("c.db").toString(),
            "--rejects",
            dir.resolve("r.csv").toString());
    CliHarness.CliResult simulate =
        CliHarness.run(
            stdin(LEADS),
            "simulate",
            cadence.toString(),
            "--leads",
            "-",
            "--out",
            dir.resolve("log.csv").toString(),
            "--rejects",
            dir.resolve("r2.csv").toString());

    assertThat(enroll.exitCode()).as(enroll.toString()).isZero();
    assertThat(enroll.out()).contains("enrolled 2 leads in inputs");
    assertThat(simulate.exitCode()).as(simulate.toString()).isZero();
    assertThat(Files.readString(dir.resolve("log.csv"))).contains(",L1,inputs,intro,");
  }

  @Test
  void anEmptyStandardInputIsAnEmptyList() {
    CliHarness.CliResult r = plan(stdin(""), "-");

    assertThat(r.exitCode()).as(r.toString()).isNotZero();
    assertThat(r.err()).as(r.toString()).contains("-: empty file");
  }

  /** {@code --leads <(zcat leads.csv.gz)}: a pipe, whose size says nothing and reads once. */
  @Test
  void aNamedPipeIsReadWhole() throws Exception {
    Path fifo = dir.resolve("leads.fifo");
    assumeTrue(mkfifo(fifo), "mkfifo is not available");
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(LEADS.getBytes(StandardCharsets.UTF_8));
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });

    CliHarness.CliResult r = plan(CommandContext.system(), fifo.toString());

    writer.get(30, TimeUnit.SECONDS);
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("\nL1,inputs,intro,email,").contains("\nL3,inputs,intro,");
    assertThat(r.err()).as(r.toString()).startsWith(fifo + ":3: rejected: ");
  }

  static boolean mkfifo(Path path) throws Exception {
    try {
      Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Without --rejects, the rows go to LEADS.rejects.csv in the current folder, not beside a list
   * that may sit in a folder of samples or a read-only mount; when the current folder cannot take
   * it, to the temporary folder, and the command still succeeds.
   */
  @Test
  void rejectedRowsGoToTheCurrentFolderElseTheTemporaryOne() throws Exception {
    Path work = Files.createDirectories(dir.resolve("work"));
    Path samples = Files.createDirectories(dir.resolve("samples"));
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path leads = Files.writeString(samples.resolve("leads.csv"), LEADS);

    Forked here = fork(work, tmp, "plan", cadence.toString(), "--leads", leads.toString());

    assertThat(here.exit()).as(here.toString()).isZero();
    assertThat(work.resolve("leads.rejects.csv")).exists();
    assertThat(samples.resolve("leads.rejects.csv")).doesNotExist();
    assertThat(here.err()).endsWith("1 of 3 rows rejected; written to leads.rejects.csv\n");

    // A folder already named like the file: the current folder cannot take it (as when it is
    // read-only, which root, running these tests in CI, would not notice).
    Path blocked = Files.createDirectories(dir.resolve("blocked"));
    Files.createDirectories(blocked.resolve("leads.rejects.csv/taken"));
    Forked elsewhere = fork(blocked, tmp, "plan", cadence.toString(), "--leads", leads.toString());

    assertThat(elsewhere.exit()).as(elsewhere.toString()).isZero();
    assertThat(tmp.resolve("leads.rejects.csv")).exists();
    assertThat(elsewhere.err())
        .endsWith("1 of 3 rows rejected; written to " + tmp.resolve("leads.rejects.csv") + "\n");
  }

  record Forked(int exit, String out, String err) {}

  /** Runs the tool in its own JVM in {@code cwd}, with {@code tmp} as its temporary folder. */
  static Forked fork(Path cwd, Path tmp, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Djava.io.tmpdir=" + tmp,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.cadence.Main"));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p =
        new ProcessBuilder(command)
            .directory(cwd.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Forked(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
