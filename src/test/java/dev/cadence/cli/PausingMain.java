package dev.cadence.cli;

import dev.cadence.live.CrashPoints;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code cadence} for crash tests, in a JVM of its own: the tick stops at the crash point named by
 * {@code CADENCE_TEST_PAUSE_AT} (after-claim, after-sending or after-data), writes {@code
 * CADENCE_TEST_PAUSE_MARKER} and sleeps until the test kills it with SIGKILL.
 */
public final class PausingMain {
  private PausingMain() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
    PrintWriter err =
        new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    CommandContext context =
        CommandContext.system().withCrashPoints(pauseAt(System.getenv("CADENCE_TEST_PAUSE_AT")));
    int code = Cli.run(context, out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  private static CrashPoints pauseAt(String at) {
    String marker = System.getenv("CADENCE_TEST_PAUSE_MARKER");
    return point -> {
      if (!point.equals(at)) {
        return;
      }
      try {
        if (marker != null) {
          Files.writeString(Path.of(marker), point + "\n");
        }
        Thread.sleep(600_000);
      } catch (Exception e) {
        Thread.currentThread().interrupt();
      }
    };
  }
}
