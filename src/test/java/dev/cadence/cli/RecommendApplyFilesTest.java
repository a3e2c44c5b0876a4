package dev.cadence.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recommend --apply} rewrites a cadence file as a careful editor saves it: through a link,
 * keeping mode and owner, never a read-only file, no temporary file left behind.
 */
class RecommendApplyFilesTest {
  @TempDir Path dir;
  Path log;
  Path real;

  @BeforeEach
  void files() throws Exception {
    assumeTrue(
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
        "needs POSIX permissions");
    log = AbLogs.write(dir.resolve("log.csv"), 100, 6, 30);
    real = AbLogs.cadence(dir.resolve("cadences"));
  }

  private CliHarness.CliResult apply(Path cadence) {
    return CliHarness.run("recommend", log.toString(), "--cadence", cadence.toString(), "--apply");
  }

  private static boolean changed(Path file) throws IOException {
    return Files.readString(file).contains("channel: call                     # the third touch");
  }

  private static long leftovers(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().startsWith(".")).count();
    }
  }

  @Test
  void aSymlinkedCadenceIsWrittenThroughItsLink() throws Exception {
    // e.g. current.yaml -> v3.yaml, beside its templates
    Path link = Files.createSymbolicLink(real.resolveSibling("current.yaml"), real.getFileName());

    var r = apply(link);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(real.getFileName());
    assertThat(changed(real)).isTrue();
    assertThat(leftovers(real.getParent())).isZero();
  }

  @Test
  void theModeIsKeptWhateverTheUmask() throws Exception {
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));

    var r = apply(real);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(changed(real)).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real)))
        .isEqualTo("rw-r-----");
  }

  @Test
  void aReadOnlyFileIsRefusedAndNothingIsWritten() throws Exception {
    String before = Files.readString(real);
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("r--r--r--"));
    try {
      var r = apply(real);

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
      assertThat(r.err())
          .as(r.toString())
          .startsWith("error: nothing written: " + real + " is read-only (r--r--r--)");
      assertThat(Files.readString(real)).isEqualTo(before);
      assertThat(leftovers(real.getParent())).isZero();
    } finally {
      Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r--r--"));
    }
  }

  @Test
  void aTemporaryFileThatAKilledRewriteLeftIsRemovedByTheNext() throws Exception {
    Path stale = real.resolveSibling("." + real.getFileName() + ".5eed.cadence-tmp");
    Files.writeString(stale, "half a cadence");

    var r = apply(real);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(stale).doesNotExist();
    assertThat(leftovers(real.getParent())).isZero();
  }

  @Test
  void theOwnerAndGroupAreKept() throws Exception {
    Path probe = Files.createFile(dir.resolve("probe"));
    assumeTrue(
        Files.getOwner(probe).getName().equals("root"),
        "only root can give a file to another user, as the test must first");
    var lookup = FileSystems.getDefault().getUserPrincipalLookupService();
    UserPrincipal nobody = lookup.lookupPrincipalByName("nobody");
    var group = lookup.lookupPrincipalByGroupName("nogroup");
    Files.setOwner(real, nobody);
    Files.getFileAttributeView(
            real, java.nio.file.attribute.PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
        .setGroup(group);

    var r = apply(real);

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(changed(real)).isTrue();
    assertThat(Files.getOwner(real)).isEqualTo(nobody);
    assertThat(
            Files.readAttributes(real, java.nio.file.attribute.PosixFileAttributes.class).group())
        .isEqualTo(group);
  }
}
