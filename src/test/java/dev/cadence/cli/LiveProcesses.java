package dev.cadence.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code dev.cadence.Main} in a separate JVM (same classpath as the tests), for lock and crash
 * tests; with {@code CADENCE_TEST_PAUSE_AT} set, {@link PausingMain}, which stops the tick there.
 */
final class LiveProcesses {
  private LiveProcesses() {}

  /** A forked run: its process and the files that receive its stdout and stderr. */
  record Forked(Process process, Path out, Path err) {
    String stdout() throws IOException {
      return Files.readString(out);
    }

    String stderr() throws IOException {
      return Files.readString(err);
    }

    int waitFor(Duration limit) throws Exception {
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError(
            "forked cadence did not finish in " + limit + "\n" + stdout() + stderr());
      }
      return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no finally block, no flush. */
    void kill9() throws Exception {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }

  static Forked start(Path dir, String name, Map<String, String> env, String... args)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                env.containsKey("CADENCE_TEST_PAUSE_AT")
                    ? PausingMain.class.getName()
                    : "dev.cadence.Main"));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().remove("CADENCE_TEST_PAUSE_AT");
    pb.environment().remove("CADENCE_SMTP_URL");
    pb.environment().remove("CADENCE_FROM");
    pb.environment().putAll(env);
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    pb.redirectOutput(out.toFile());
    pb.redirectError(err.toFile());
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    return new Forked(pb.start(), out, err);
  }

  /** Waits until {@code marker} exists (the forked tick reached its pause point). */
  static void awaitMarker(Forked f, Path marker, Duration limit) throws Exception {
    long end = System.nanoTime() + limit.toNanos();
    while (!Files.exists(marker)) {
      if (!f.process().isAlive()) {
        throw new AssertionError(
            "the forked tick ended before its pause point: exit "
                + f.process().exitValue()
                + "\n"
                + f.stdout()
                + f.stderr());
      }
      if (System.nanoTime() > end) {
        f.kill9();
        throw new AssertionError(
            "the forked tick did not reach its pause point in "
                + limit
                + "\n"
                + f.stdout()
                + f.stderr());
      }
      Thread.sleep(50);
    }
  }
}
