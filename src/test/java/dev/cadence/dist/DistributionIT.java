package dev.cadence.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive as a user meets it: unpacked into a folder, its launcher linked from
 * another folder on the PATH, run from a third folder with only a Java runtime, and, when the tests
 * run as root, as an unprivileged user who cannot write to the install folder.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DistributionIT {
  @TempDir static Path root;
  static Path install;
  static Path onPath;
  static Path work;

  @BeforeAll
  static void unpack() throws Exception {
    Path archive = Path.of(System.getProperty("cadence.dist", "target/missing.tar.gz"));
    assertThat(archive).as("the distribution archive of mvn package").isRegularFile();
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path opt = Files.createDirectories(root.resolve("opt"));
    Result untar = run(opt, Map.of(), "tar", "-xzf", archive.toAbsolutePath().toString());
    assertThat(untar.code()).as(untar.toString()).isZero();
    try (Stream<Path> top = Files.list(opt)) {
      install = top.findFirst().orElseThrow();
    }
    assertThat(install.getFileName().toString()).startsWith("cadence-");
    onPath = Files.createDirectories(root.resolve("usr/local/bin"));
    Files.createSymbolicLink(onPath.resolve("cadence"), install.resolve("bin/cadence"));
    work = Files.createDirectories(root.resolve("home/ana/work"));
    for (Path p : List.of(root.resolve("home"), root.resolve("home/ana"), work)) {
      Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxrwxrwx"));
    }
  }

  @Test
  void holdsTheLauncherJarManPagesCompletionScriptsAndExamples() throws IOException {
    assertThat(install.resolve("bin/cadence")).isExecutable();
    assertThat(install.resolve("lib/cadence.jar")).isRegularFile();
    assertThat(install.resolve("README.md")).content().contains("## Install", "## Upgrade");
    for (String page :
        List.of(
            "cadence", "cadence-validate", "cadence-plan", "cadence-run", "cadence-completion")) {
      assertThat(install.resolve("man/man1/" + page + ".1")).content().startsWith("'\\\" t");
    }
    assertThat(install.resolve("completion/cadence.bash"))
        .content()
        .contains("complete -F _complete_cadence");
    assertThat(install.resolve("completion/cadence.fish"))
        .content()
        .contains("complete -c cadence -n __fish_use_subcommand -f -a validate");
    assertThat(install.resolve("examples/cadences/outbound-lead-qualification.yaml"))
        .isRegularFile();
    assertThat(install.resolve("examples/cadences/templates")).isDirectory();
  }

  @Test
  void theJarKeepsSqliteForTheChosenPlatformsOnly() throws Exception {
    Result list =
        run(root, Map.of(), "unzip", "-Z1", install.resolve("lib/cadence.jar").toString());
    if (list.code() != 0) { // no unzip here: the JDK's jar tool lists it too
      list =
          run(root, Map.of(), javaTool("jar"), "tf", install.resolve("lib/cadence.jar").toString());
    }
    List<String> natives =
        list.out()
            .lines()
            .filter(n -> n.startsWith("org/sqlite/native/") && !n.endsWith("/"))
            .sorted()
            .toList();
    assertThat(natives)
        .containsExactly(
            "org/sqlite/native/Linux-Musl/aarch64/libsqlitejdbc.so",
            "org/sqlite/native/Linux-Musl/x86_64/libsqlitejdbc.so",
            "org/sqlite/native/Linux/aarch64/libsqlitejdbc.so",
            "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so",
            "org/sqlite/native/Mac/aarch64/libsqlitejdbc.dylib",
            "org/sqlite/native/Mac/x86_64/libsqlitejdbc.dylib",
            "org/sqlite/native/Windows/x86_64/sqlitejdbc.dll");
  }

  @Test
  void runsThroughTheLinkFromAnotherFolder() throws Exception {
    Result version = cadence(Map.of(), "--version");
    assertThat(version.code()).as(version.toString()).isZero();
    assertThat(version.out()).startsWith("cadence ").contains(", built ");

    Path sample = install.resolve("examples/cadences/outbound-lead-qualification.yaml");
    Result validate = cadence(Map.of(), "validate", "--strict", sample.toString());
    assertThat(validate.code()).as(validate.toString()).isZero();
    assertThat(validate.out()).contains("0 errors, 0 warnings");

    Result demo =
        cadence(Map.of(), "demo", "--leads", "60", "--dir", work.resolve("demo").toString());
    assertThat(demo.code()).as(demo.toString()).isZero();
    // The launcher is on the PATH as `cadence`: the commands to try next say so.
    assertThat(demo.out()).contains("Next:", "\n  cadence recommend log-a.csv log-b.csv");
    assertThat(work.resolve("demo/log-a.csv")).isRegularFile();

    Result sqlite =
        cadence(
            Map.of(),
            "enroll",
            sample.toString(),
            "--leads",
            install.resolve("examples/samples/leads-small.csv").toString(),
            "--db",
            work.resolve("cadence.db").toString(),
            "--start",
            "2026-12-01");
    assertThat(sqlite.code()).as("the SQLite store loads its native library\n" + sqlite).isZero();
  }

  /**
   * An unprivileged user (nobody) runs the installed tool: nothing is written into the install
   * folder, the class-data archive goes to that user's cache folder.
   */
  @Test
  @Order(1) // before root's runs record their archive into lib/
  void anotherUserRunsItWithoutWritingIntoTheInstallFolder() throws Exception {
    Result uid = run(root, Map.of(), "id", "-u");
    boolean asRoot = uid.out().strip().equals("0");
    Path setpriv = Path.of("/usr/bin/setpriv");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        asRoot && Files.isExecutable(setpriv), "needs root and setpriv to switch to another user");
    Path cache = Files.createDirectories(root.resolve("home/nobody-cache"));
    Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
    List<String> before = listing(install);
    boolean archivedByInstaller = Files.exists(install.resolve("lib/cadence.jsa"));
    Result version =
        run(
            work,
            Map.of("XDG_CACHE_HOME", cache.toString(), "HOME", "/nonexistent"),
            setpriv.toString(),
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            onPath.resolve("cadence").toString(),
            "--version");
    assertThat(version.code()).as(version.toString()).isZero();
    assertThat(version.err()).isEmpty();
    assertThat(listing(install)).isEqualTo(before);
    if (!archivedByInstaller) { // else the installing user's archive serves everyone
      try (Stream<Path> files = Files.walk(cache)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .anyMatch(n -> n.endsWith(".jsa") || n.endsWith(".jsa.none"));
      }
    }
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.map(p -> dir.relativize(p).toString()).sorted().toList();
    }
  }

  private static Result cadence(Map<String, String> env, String... args) throws Exception {
    // The link by its path: a child's PATH is not where Java looks the command up.
    List<String> command = new ArrayList<>(List.of(onPath.resolve("cadence").toString()));
    command.addAll(List.of(args));
    return run(work, env, command.toArray(String[]::new));
  }

  private static String javaTool(String name) {
    return Path.of(System.getProperty("java.home"), "bin", name).toString();
  }

  record Result(List<String> command, int code, String out, String err) {
    @Override
    public String toString() {
      return String.join(" ", command)
          + "\nexit "
          + code
          + "\n--- stdout ---\n"
          + out
          + "--- stderr ---\n"
          + err;
    }
  }

  /** Runs a command in {@code dir} with only the JDK's java and the link folder on the PATH. */
  private static Result run(Path dir, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    Path java = Path.of(System.getProperty("java.home"), "bin");
    pb.environment().put("PATH", (onPath == null ? "" : onPath + ":") + java + ":/usr/bin:/bin");
    pb.environment().remove("JAVA_HOME");
    pb.environment().remove("CADENCE_JAVA_OPTS");
    pb.environment().putAll(env);
    Path out = Files.createTempFile(root, "out", ".txt");
    Path err = Files.createTempFile(root, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in 5 minutes");
    }
    return new Result(
        List.of(command),
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
