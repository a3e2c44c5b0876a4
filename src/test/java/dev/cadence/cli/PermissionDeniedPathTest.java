package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cadence.live.LiveFixture;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file under a folder that may not be entered (no x bit) is a permission problem (exit 3), not a
 * missing file (exit 2). Root enters every folder, so this test is skipped when it runs as root (as
 * in the project's container) and runs everywhere else.
 */
class PermissionDeniedPathTest {
  @TempDir Path dir;

  @Test
  void aFileUnderAFolderThatMayNotBeEnteredIsPermissionDenied() throws Exception {
    assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "needs POSIX permissions");
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Path cadence = LiveFixture.cadence(locked, "c", LiveFixture.EMAILS_ONLY);
    Path leads = LiveFixture.leads(locked, "leads.csv", List.of("L-1,a@example.com,A,Acme,,,"));
    Path log = Files.writeString(locked.resolve("log.csv"), "timestamp\n");
    Path open = LiveFixture.cadence(dir.resolve("open"), "c", LiveFixture.EMAILS_ONLY);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rw-------"));
    try {
      assumeFalse(Files.exists(cadence), "running as root: every folder may be entered");

      var validated = CliHarness.run("validate", cadence.toString());
      assertThat(validated.exitCode()).as(validated.toString()).isEqualTo(3);
      assertThat(validated.out()).as(validated.toString()).contains("error[io-error]");

      for (String[] args :
          List.of(
              new String[] {"analyze", log.toString()},
              new String[] {"plan", cadence.toString(), "--leads", dir.resolve("x").toString()},
              new String[] {"plan", open.toString(), "--leads", leads.toString()})) {
        var r = CliHarness.run(args);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).as(r.toString()).contains(": permission denied");
      }
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }
}
