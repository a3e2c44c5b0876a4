package dev.cadence.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cadence.cli.CliHarness;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code io-error}: a file that exists but cannot be read. It has no golden folder because the only
 * portable way to make one is to take away its read permission, which root ignores: this test is
 * skipped when it runs as root (as in the project's container) and runs everywhere else.
 */
class ValidateIoErrorTest {
  @TempDir Path dir;

  @Test
  void anUnreadableFileIsAnIoErrorAndARuntimeFailure() throws IOException {
    assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "needs POSIX permissions");
    Path file =
        Files.writeString(
            dir.resolve("locked.yaml"), "cadence: locked\nsteps:\n  - id: a\n    channel: task\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    try {
      assumeFalse(Files.isReadable(file), "running as root: every file is readable");

      var r = CliHarness.run("validate", file.toString());
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
      assertThat(r.out())
          .as(r.toString())
          .startsWith(file + ":1:1: error[io-error]: cannot read file: permission denied");
    } finally {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
  }
}
