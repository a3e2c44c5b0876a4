package dev.cadence.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Whether standard error (or output) is a terminal. Java 17 cannot tell ({@code System.console()}
 * is about standard input and output: null for {@code cadence plan ... > plan.csv}, whose progress
 * a person watches on stderr). On Linux the descriptor's link in {@code /proc} names the terminal
 * device; elsewhere the shell is asked ({@code test -t 2}, given this process's stderr).
 */
final class Terminal {
  private Terminal() {}

  static boolean stderrIsTerminal() {
    return isTerminal(2);
  }

  /**
   * Whether standard output is a terminal: a command that streams its results there (plan) shows
   * them as they come, and a progress line would only break them up.
   */
  static boolean stdoutIsTerminal() {
    return isTerminal(1);
  }

  private static boolean isTerminal(int fd) {
    try {
      return isTerminalDevice(Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString());
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return askTheShell(fd);
    }
  }

  /**
   * {@code /dev/pts/3}, {@code /dev/tty1}, {@code /dev/console}: not a file, a pipe or a socket.
   */
  static boolean isTerminalDevice(String target) {
    return target.startsWith("/dev/pts/")
        || target.startsWith("/dev/tty")
        || target.equals("/dev/console");
  }

  private static boolean askTheShell(int fd) {
    try {
      ProcessBuilder test =
          new ProcessBuilder("sh", "-c", "test -t " + fd)
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .redirectError(ProcessBuilder.Redirect.DISCARD);
      if (fd == 1) {
        test.redirectOutput(ProcessBuilder.Redirect.INHERIT);
      } else {
        test.redirectError(ProcessBuilder.Redirect.INHERIT);
      }
      Process p = test.start();
      return p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return false;
    }
  }
}
