package dev.cadence.cli;

import dev.cadence.store.SqliteStore;
import dev.cadence.store.StoreException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --db PATH|jdbc:sqlite:PATH}: the live state store (default ./cadence.db). */
final class DbOption {
  @Option(
      names = "--db",
      defaultValue = "cadence.db",
      paramLabel = "PATH",
      description =
          "The state store: a SQLite file or jdbc:sqlite:PATH (default: ${DEFAULT-VALUE} in the current folder).")
  String db;

  Path file() {
    try {
      return SqliteStore.fileOf(db);
    } catch (IllegalArgumentException e) {
      throw new CadenceException(ExitCodes.USAGE, e.getMessage());
    }
  }

  /** The existing store; a missing, foreign or damaged file is refused (exit 3), never replaced. */
  SqliteStore open() {
    try {
      return SqliteStore.open(file());
    } catch (StoreException e) {
      throw failure(e);
    }
  }

  SqliteStore openOrCreate() {
    try {
      return SqliteStore.openOrCreate(file());
    } catch (StoreException e) {
      throw failure(e);
    }
  }

  static CadenceException failure(StoreException e) {
    return new CadenceException(ExitCodes.RUNTIME, e.getMessage(), e);
  }
}
