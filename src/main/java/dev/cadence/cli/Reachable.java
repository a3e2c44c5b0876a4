package dev.cadence.cli;

import dev.cadence.io.PathAccess;
import java.nio.file.Path;

/**
 * The check a command makes on a path it was given before its own "no such file" check: a path it
 * may not reach is a permission problem (exit 3), not a missing file (exit 2).
 */
final class Reachable {
  private Reachable() {}

  static void check(Path path) {
    PathAccess.denied(path)
        .ifPresent(
            why -> {
              throw new CadenceException(ExitCodes.RUNTIME, "cannot read " + path + ": " + why);
            });
  }
}
