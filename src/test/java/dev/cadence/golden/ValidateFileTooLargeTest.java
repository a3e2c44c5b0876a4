package dev.cadence.golden;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.cli.CliHarness;
import dev.cadence.io.yaml.SafeYamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code file-too-large}: the one code whose input is too big to commit as a golden folder, so the
 * file is written at run time (a valid cadence padded with comment lines to the wanted size).
 */
class ValidateFileTooLargeTest {
  private static final String CADENCE =
      "cadence: padded\nsteps:\n  - id: intro\n    channel: call\n";

  @TempDir Path dir;

  @Test
  void aFileOneByteOverTheLimitIsRejectedWithoutBeingParsed() throws IOException {
    Path file = padded("big.yaml", SafeYamlReader.MAX_BYTES + 1);

    var text = CliHarness.run("validate", file.toString());
    assertThat(text.exitCode()).as(text.toString()).isEqualTo(1);
    assertThat(text.err()).as(text.toString()).isEmpty();
    assertThat(text.out())
        .as(text.toString())
        .isEqualTo(
            file
                + ":1:1: error[file-too-large]: file is 1048577 bytes, more than the 1048576 a cadence may have;"
                + " split it into several cadences\n"
                + "1 file checked: 1 error, 0 warnings\n");

    var json = CliHarness.run("validate", "--format", "json", file.toString());
    assertThat(json.exitCode()).as(json.toString()).isEqualTo(1);
    assertThat(json.out())
        .as(json.toString())
        .contains("\"valid\" : false")
        .contains("\"code\" : \"file-too-large\"")
        .contains("\"cadence\" : null");
  }

  @Test
  void aFileExactlyAtTheLimitIsStillRead() throws IOException {
    Path file = padded("limit.yaml", SafeYamlReader.MAX_BYTES);

    var r = CliHarness.run("validate", file.toString());
    assertThat(r.out()).as(r.toString()).isEqualTo("1 file checked: 0 errors, 0 warnings\n");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(0);
  }

  /** A valid cadence followed by comment lines, exactly {@code size} bytes long. */
  private Path padded(String name, int size) throws IOException {
    StringBuilder text = new StringBuilder(size).append(CADENCE);
    String line = "# " + "x".repeat(77) + "\n";
    while (text.length() + line.length() <= size) {
      text.append(line);
    }
    int rest = size - text.length();
    if (rest > 0) {
      text.append("#").append("x".repeat(Math.max(0, rest - 2)));
      if (rest >= 2) {
        text.append("\n");
      }
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
    assertThat(bytes).hasSize(size);
    return Files.write(dir.resolve(name), bytes);
  }
}
