package dev.cadence.store;

import dev.cadence.live.StateStore;
import java.nio.file.Path;

/**
 * Opens the state store a {@code --db} value names, choosing the database by its form: a file path
 * or {@code jdbc:sqlite:PATH} is a SQLite file.
 */
public final class Stores {
  private Stores() {}

  /** Opens an existing store; never creates one (a missing or foreign store is refused). */
  public static StateStore open(String db) {
    return SqliteDialect.open(sqliteFile(db), false);
  }

  /** Opens the store, creating it (and its schema) when it does not exist. */
  public static StateStore openOrCreate(String db) {
    return SqliteDialect.open(sqliteFile(db), true);
  }

  /** As {@link #open(String)} for a SQLite file. */
  public static StateStore open(Path file) {
    return SqliteDialect.open(file, false);
  }

  /** As {@link #openOrCreate(String)} for a SQLite file. */
  public static StateStore openOrCreate(Path file) {
    return SqliteDialect.open(file, true);
  }

  /**
   * The file of a SQLite {@code --db} value (a path or a {@code jdbc:sqlite:} URL).
   *
   * @throws IllegalArgumentException for a value that names no SQLite file, with the form to use
   */
  public static Path sqliteFile(String db) {
    if (db.startsWith("jdbc:")) {
      if (!db.startsWith("jdbc:sqlite:")) {
        throw new IllegalArgumentException(
            "--db `" + db + "`: only SQLite (a file path or jdbc:sqlite:PATH) is supported");
      }
      String path = db.substring("jdbc:sqlite:".length());
      if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
        throw new IllegalArgumentException(
            "--db `" + db + "`: give the store as a file, e.g. jdbc:sqlite:cadence.db");
      }
      return Path.of(path);
    }
    return Path.of(db);
  }
}
