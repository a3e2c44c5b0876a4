package dev.cadence.store;

import dev.cadence.live.StateStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.function.Function;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/**
 * The embedded default store: one SQLite file in WAL mode (readers never block the tick, a crash
 * loses nothing committed), with a busy timeout so that a {@code record} running beside a tick
 * waits its turn instead of failing, and full fsync on commit.
 */
public final class SqliteStore implements StateStore {
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  static final int BUSY_TIMEOUT_MS = 30_000;

  private final Path file;
  private final Connection connection;
  private final SqliteTx tx;
  private boolean fullSync = true;

  private SqliteStore(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
    this.tx = new SqliteTx(file, connection);
  }

  /** Opens an existing store; never creates one (a missing or foreign file is refused). */
  public static SqliteStore open(Path file) {
    return open(file, false);
  }

  /** Opens the store, creating it (and its schema) when the file does not exist. */
  public static SqliteStore openOrCreate(Path file) {
    return open(file, true);
  }

  /** Turns a {@code --db} value (a path or a {@code jdbc:sqlite:} URL) into the file. */
  public static Path fileOf(String db) {
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

  private static SqliteStore open(Path file, boolean create) {
    boolean exists = Files.exists(file);
    if (!exists && !create) {
      throw new StoreException(
          StoreException.Kind.MISSING,
          "no state store at "
              + file
              + "; run `cadence enroll` first (it creates one), or point --db at yours");
    }
    if (exists) {
      checkHeader(file);
    } else {
      Path dir = file.toAbsolutePath().getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        throw new StoreException(
            StoreException.Kind.IO,
            "cannot create the state store " + file + ": no such folder " + dir);
      }
    }
    SQLiteConfig config = new SQLiteConfig();
    config.setOpenMode(SQLiteOpenMode.READWRITE);
    if (!create) {
      config.resetOpenMode(
          SQLiteOpenMode.CREATE); // on by default: a vanished file must not come back empty
    }
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    Connection c;
    try {
      c =
          DriverManager.getConnection(
              "jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    } catch (SQLException e) {
      throw translate(file, "cannot open", e);
    }
    try {
      SqliteStore store = new SqliteStore(file, c);
      store.prepare(create);
      return store;
    } catch (RuntimeException e) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // the first failure is the one to report
      }
      throw e;
    }
  }

  /** A file that is not SQLite at all is refused before SQLite sees it. */
  private static void checkHeader(Path file) {
    if (Files.isDirectory(file)) {
      throw new StoreException(
          StoreException.Kind.CORRUPT,
          file + " is a folder, not a state store; point --db at the store file");
    }
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(MAGIC.length);
    } catch (IOException e) {
      throw new StoreException(
          StoreException.Kind.IO, "cannot read the state store " + file + ": " + e.getMessage(), e);
    }
    if (head.length == 0) {
      throw corrupt(file, "it is empty");
    }
    if (!Arrays.equals(head, MAGIC)) {
      throw corrupt(file, "it is not a SQLite database");
    }
  }

  static StoreException corrupt(Path file, String why) {
    return new StoreException(
        StoreException.Kind.CORRUPT,
        file
            + " is not a usable cadence state store ("
            + why
            + "); refusing to start afresh, which would send everything again: restore it from a backup, or point --db elsewhere");
  }

  private void prepare(boolean create) {
    try (Statement s = connection.createStatement()) {
      int appId = intQuery(s, "PRAGMA application_id");
      int tables = intQuery(s, "SELECT count(*) FROM sqlite_master WHERE type = 'table'");
      if (tables == 0 && appId == 0) {
        if (!create) {
          throw corrupt(file, "it has no cadence schema");
        }
      } else if (appId != Migrations.APPLICATION_ID) {
        throw corrupt(file, "it is another application's database");
      }
      // WAL: readers (status) see the last commit while a tick writes; a commit is one append.
      String mode = stringQuery(s, "PRAGMA journal_mode = WAL");
      if (!"wal".equalsIgnoreCase(mode)) {
        throw new StoreException(
            StoreException.Kind.IO, "cannot put " + file + " in WAL mode (got " + mode + ")");
      }
      // FULL: a commit is on disk when it returns, so a "sending" mark survives a power cut too.
      s.execute("PRAGMA synchronous = FULL");
      migrate(s, tables == 0);
    } catch (SQLException e) {
      throw translate(file, "cannot open", e);
    }
  }

  private void migrate(Statement s, boolean fresh) throws SQLException {
    int version = fresh ? 0 : intQuery(s, "SELECT max(version) FROM schema_version");
    if (version > Migrations.latest()) {
      throw new StoreException(
          StoreException.Kind.NEWER,
          file
              + " was written by a newer cadence (schema version "
              + version
              + ", this one knows up to "
              + Migrations.latest()
              + "); upgrade cadence to use it");
    }
    if (version == Migrations.latest()) {
      return;
    }
    s.execute("BEGIN IMMEDIATE");
    try {
      // Re-read under the write lock: two first runs must not both migrate.
      int now =
          fresh
                  && intQuery(s, "SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'")
                      == 0
              ? 0
              : intQuery(s, "SELECT max(version) FROM schema_version");
      for (int v = now; v < Migrations.latest(); v++) {
        for (String sql : Migrations.STEPS.get(v).split(";\\s*\n")) {
          if (!sql.isBlank()) {
            s.execute(sql);
          }
        }
        s.execute("UPDATE schema_version SET version = " + (v + 1));
      }
      s.execute("PRAGMA application_id = " + Migrations.APPLICATION_ID);
      s.execute("COMMIT");
    } catch (SQLException | RuntimeException e) {
      s.execute("ROLLBACK");
      throw e;
    }
  }

  private static int intQuery(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      return r.next() ? r.getInt(1) : 0;
    }
  }

  private static String stringQuery(Statement s, String sql) throws SQLException {
    try (ResultSet r = s.executeQuery(sql)) {
      return r.next() ? r.getString(1) : "";
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public <T> T write(Function<Tx, T> work) {
    return transaction("BEGIN IMMEDIATE", work);
  }

  @Override
  public <T> T writeBuffered(Function<Tx, T> work) {
    synchronous(false);
    try {
      return write(work);
    } finally {
      synchronous(true);
    }
  }

  /**
   * WAL with synchronous=NORMAL survives a crash of the process but not a power cut; FULL survives
   * both.
   */
  private void synchronous(boolean full) {
    if (full == fullSync) {
      return;
    }
    try (Statement s = connection.createStatement()) {
      s.execute(full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
      fullSync = full;
    } catch (SQLException e) {
      throw translate(file, "cannot set synchronous on", e);
    }
  }

  @Override
  public <T> T read(Function<Tx, T> work) {
    return transaction("BEGIN", work);
  }

  private <T> T transaction(String begin, Function<Tx, T> work) {
    try (Statement s = connection.createStatement()) {
      s.execute(begin);
      T result;
      try {
        result = work.apply(tx);
      } catch (RuntimeException e) {
        s.execute("ROLLBACK");
        throw e;
      }
      s.execute("COMMIT");
      return result;
    } catch (SQLException e) {
      throw translate(file, "database error", e);
    }
  }

  /**
   * SQLite's failures in a user's words: damage is refused like a foreign file, the rest is I/O.
   */
  static StoreException translate(Path file, String what, SQLException e) {
    if (e instanceof SQLiteException se) {
      SQLiteErrorCode code = se.getResultCode();
      if (code == SQLiteErrorCode.SQLITE_CORRUPT || code == SQLiteErrorCode.SQLITE_NOTADB) {
        return corrupt(file, "SQLite reports it damaged: " + code.message);
      }
      if (code == SQLiteErrorCode.SQLITE_BUSY) {
        return new StoreException(
            StoreException.Kind.IO,
            file
                + " stayed locked by another process for "
                + BUSY_TIMEOUT_MS / 1000
                + " s; try again",
            e);
      }
    }
    return new StoreException(StoreException.Kind.IO, what + " " + file + ": " + e.getMessage(), e);
  }

  @Override
  public void close() {
    tx.close();
    try {
      connection.close();
    } catch (SQLException e) {
      throw translate(file, "cannot close", e);
    }
  }
}
