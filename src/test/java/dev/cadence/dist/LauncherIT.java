package dev.cadence.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/cadence in a checkout: which changes rebuild the tool, and what happens when a rebuild is due
 * but this user cannot make it. A copy of the checkout's launcher and jar, with a stand-in {@code
 * mvn} on the PATH that only notes that it was called.
 */
class LauncherIT {
  @TempDir Path checkout;
  Path bin;
  Path calls;

  @BeforeEach
  void copyCheckout() throws IOException {
    Files.setPosixFilePermissions(checkout, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path launcher = Files.createDirectories(checkout.resolve("bin")).resolve("cadence");
    Files.copy(Path.of("bin/cadence"), launcher);
    Files.createDirectories(checkout.resolve("target"));
    // The jar and its archive as bin/cadence left them (same times): no recording in each test.
    Files.copy(
        Path.of("target/cadence.jar"),
        checkout.resolve("target/cadence.jar"),
        StandardCopyOption.COPY_ATTRIBUTES);
    if (Files.exists(Path.of("target/cadence.jsa"))) {
      Files.copy(
          Path.of("target/cadence.jsa"),
          checkout.resolve("target/cadence.jsa"),
          StandardCopyOption.COPY_ATTRIBUTES);
    }
    Files.writeString(checkout.resolve("pom.xml"), "<project/>");
    Files.createDirectories(checkout.resolve("src/main/java"));
    Files.writeString(checkout.resolve("src/main/java/Code.java"), "class Code {}");
    Files.createDirectories(checkout.resolve("cadences"));
    Files.writeString(checkout.resolve("cadences/mine.yaml"), "cadence: mine\n");
    FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
    for (String f : List.of("pom.xml", "src/main/java/Code.java", "cadences/mine.yaml")) {
      Files.setLastModifiedTime(checkout.resolve(f), old);
    }
    bin = Files.createDirectories(checkout.resolve("fake-bin"));
    calls = checkout.resolve("mvn-calls.txt");
    Path mvn = bin.resolve("mvn");
    Files.writeString(mvn, "#!/bin/sh\necho \"$@\" >>" + calls + "\nexit 1\n");
    Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    // The PATH holds this folder and java only: the tools the launcher uses, linked here, and no
    // real Maven.
    for (String tool :
        List.of("id", "readlink", "dirname", "touch", "mv", "mkdir", "rm", "cat", "flock")) {
      for (String dir : List.of("/usr/bin", "/bin")) {
        if (Files.isExecutable(Path.of(dir, tool)) && !Files.exists(bin.resolve(tool))) {
          Files.createSymbolicLink(bin.resolve(tool), Path.of(dir, tool));
        }
      }
    }
  }

  @Test
  void editedCadencesDoNotRebuildTheTool() throws Exception {
    touch("cadences/mine.yaml");
    Result r = cadence(List.of(), "--version");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("cadence ");
    assertThat(calls).doesNotExist();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void changedCodeRebuildsTheTool() throws Exception {
    touch("src/main/java/Code.java");
    Result r = cadence(List.of(), "--version");
    assertThat(calls).as(r.toString()).exists();
    assertThat(Files.readString(calls)).contains("package");
    assertThat(r.code()).isEqualTo(3); // the stand-in fails: the build's log is shown
    assertThat(r.err()).contains("build failed");
  }

  @Test
  void aChangedPomRebuildsTheTool() throws Exception {
    touch("pom.xml");
    cadence(List.of(), "--version");
    assertThat(calls).exists();
  }

  @Test
  void withoutMavenTheExistingJarRunsAfterOneLine() throws Exception {
    touch("src/main/java/Code.java");
    Files.delete(bin.resolve("mvn"));
    Result r = cadence(List.of(), "--version");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("cadence ");
    assertThat(r.err().lines().toList())
        .singleElement()
        .asString()
        .contains("cannot be rebuilt here", "Maven (mvn) is not on the PATH", "existing jar");
  }

  /** cron as another user: target/ is not theirs to write. */
  @Test
  void anotherUserWithoutWriteAccessRunsTheExistingJar() throws Exception {
    Path setpriv = Path.of("/usr/bin/setpriv");
    assumeTrue(
        isRoot() && Files.isExecutable(setpriv),
        "needs root and setpriv to switch to another user");
    Path cache = Files.createDirectories(checkout.resolve("cache"));
    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
    List<String> asNobody =
        List.of(setpriv.toString(), "--reuid=65534", "--regid=65534", "--clear-groups");

    Result upToDate = cadence(asNobody, "--version");
    assertThat(upToDate.code()).as(upToDate.toString()).isZero();
    assertThat(upToDate.err()).isEmpty();

    touch("src/main/java/Code.java");
    Result stale = cadence(asNobody, "--version");
    assertThat(stale.code()).as(stale.toString()).isZero();
    assertThat(stale.out()).startsWith("cadence ");
    assertThat(stale.err().lines().toList())
        .singleElement()
        .asString()
        .contains("cannot be rebuilt here", "cannot write to", "existing jar");
    assertThat(calls).doesNotExist();
  }

  private void touch(String file) throws IOException {
    Files.setLastModifiedTime(
        checkout.resolve(file), FileTime.fromMillis(System.currentTimeMillis()));
  }

  private static boolean isRoot() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("id", "-u").start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out.strip().equals("0");
  }

  record Result(int code, String out, String err) {}

  private Result cadence(List<String> prefix, String... args) throws Exception {
    List<String> command = new ArrayList<>(prefix);
    command.add(checkout.resolve("bin/cadence").toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(checkout.toFile());
    Path java = Path.of(System.getProperty("java.home"), "bin");
    pb.environment().put("PATH", bin + ":" + java);
    pb.environment().put("XDG_CACHE_HOME", checkout.resolve("cache").toString());
    pb.environment().remove("JAVA_HOME");
    pb.environment().remove("CADENCE_JAVA_OPTS");
    Path out = checkout.resolve("out.txt");
    Path err = checkout.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("bin/cadence did not finish in 3 minutes");
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
