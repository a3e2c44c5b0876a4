package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file whose name starts with {@code -}: named after {@code --} it is a file; named where an
 * option may stand, the message says how to name it. Run in a forked JVM, in the folder that holds
 * the file (a relative name is the only kind that starts with {@code -}).
 */
class DashedPathTest {
  @TempDir Path dir;

  record Result(int exitCode, String out, String err) {}

  private Result cadence(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.cadence.Main"));
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void aFileNamedLikeAnOptionIsNamedAfterDoubleDashAndTheMessageSaysSo() throws Exception {
    Files.writeString(
        dir.resolve("-draft.yaml"),
        "cadence: draft\nsteps:\n  - id: a\n    channel: task\n    team: ops\n");

    Result plain = cadence("validate", "-draft.yaml", "--strict");
    assertThat(plain.exitCode()).as(plain.toString()).isEqualTo(2);
    assertThat(plain.err())
        .as(plain.toString())
        .isEqualTo(
            "error: -draft.yaml is read as an option, but it is a file: to name it, put it after"
                + " `--` (cadence validate --strict -- -draft.yaml) or write ./-draft.yaml\n");

    Result separated = cadence("validate", "--strict", "--", "-draft.yaml");
    assertThat(separated.exitCode()).as(separated.toString()).isZero();
    assertThat(separated.out()).as(separated.toString()).contains("1 file checked: 0 errors");

    Result unknown = cadence("validate", "--strikt", "-draft.yaml");
    assertThat(unknown.err()).as(unknown.toString()).contains("-draft.yaml is read as an option");
  }
}
