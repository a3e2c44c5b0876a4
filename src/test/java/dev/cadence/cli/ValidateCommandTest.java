package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path dir;

  @Test
  void aValidCadenceExitsZero() throws IOException {
    Path file =
        write(
            "ok.yaml",
            """
        cadence: tiny
        steps:
          - id: call-them
            channel: call
        """);
    var r = CliHarness.run("validate", file.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(0);
    assertThat(r.out()).as(r.toString()).contains("1 file checked: 0 errors, 0 warnings");
  }

  @Test
  void aMisspelledKeyIsReportedWithItsPositionAndASuggestion() throws IOException {
    Path file =
        write(
            "bad.yaml",
            """
        cadence: tiny
        steps:
          - id: call-them
            chanel: call
        """);
    var r = CliHarness.run("validate", file.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out())
        .as(r.toString())
        .contains(
            file
                + ":4:5: error[unknown-key]: unknown key `chanel` in step `call-them`; did you mean `channel`?");
  }

  @Test
  void aMissingPathIsAUsageErrorButTheOtherFilesAreStillChecked() throws IOException {
    Path file = write("ok.yaml", "cadence: tiny\nsteps:\n  - id: a\n    channel: task\n");
    var r = CliHarness.run("validate", dir.resolve("nope.yaml").toString(), file.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err())
        .as(r.toString())
        .isEqualTo("error: no such file or directory: " + dir.resolve("nope.yaml") + "\n");
    assertThat(r.out()).as(r.toString()).contains("1 file checked");
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }
}
