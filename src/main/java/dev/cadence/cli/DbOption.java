package dev.cadence.cli;

import dev.cadence.live.StateStore;
import dev.cadence.store.Stores;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --db PATH|jdbc:sqlite:PATH}: the live state store (default ./cadence.db). */
final class DbOption {
  @Option(
      names = "--db",
      defaultValue = "cadence.db",
      paramLabel = "PATH",
      description =
          "The state store: a SQLite file or jdbc:sqlite:PATH (default: ${DEFAULT-VALUE} in the"
              + " current folder).")
  String db;

  Path file() {
    try {
      return Stores.sqliteFile(db);
    } catch (IllegalArgumentException e) {
      throw new CadenceException(ExitCodes.USAGE, e.getMessage());
    }
  }

  /** The existing store; a missing, foreign or damaged one is refused (exit 3), never replaced. */
  StateStore open() {
    return Stores.open(file());
  }

  StateStore openOrCreate() {
    return Stores.openOrCreate(file());
  }
}
