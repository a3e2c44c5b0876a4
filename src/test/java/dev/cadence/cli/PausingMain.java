package dev.cadence.cli;

import dev.cadence.live.CrashPoints;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code cadence} for crash tests, in a JVM of its own: the tick stops at the crash point named by
 * {@code CADENCE_TEST_PAUSE_AT} (after-claim, after-sending or after-data, with {@code #N} the N-th
 * time it is reached), writes {@code CADENCE_TEST_PAUSE_MARKER} and sleeps until the test kills it
 * with SIGKILL.
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

  /** {@code at} is a point's name, or {@code NAME#N} to pause the N-th time it is reached. */
  private static CrashPoints pauseAt(String at) {
    String marker = System.getenv("CADENCE_TEST_PAUSE_MARKER");
    int hash = at == null ? -1 : at.indexOf('#');
    String name = hash < 0 ? at : at.substring(0, hash);
    int nth = hash < 0 ? 1 : Integer.parseInt(at.substring(hash + 1));
    int[] seen = {0};
    return point -> {
      if (!point.equals(name) || ++seen[0] != nth) {
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
