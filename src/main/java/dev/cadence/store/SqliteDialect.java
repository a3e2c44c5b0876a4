package dev.cadence.store;

import dev.cadence.live.RunHolder;
import dev.cadence.live.RunLock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/**
 * The embedded default store: one SQLite file in WAL mode (readers never block the tick, a crash
 * loses nothing committed), with a busy timeout so that a {@code record} running beside a tick
 * waits its turn instead of failing, full fsync on commit, and an OS lock on the file itself that
 * keeps ticks apart ({@link StoreLock}).
 */
final class SqliteDialect implements Dialect {
  private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
  static final int BUSY_TIMEOUT_MS = 30_000;

  private final Path file;

  /** The database file's shared channel: its header, the run lock (see OpenDatabases). */
  private OpenDatabases.Handle handle;

  /** What this store wrote beside itself while it holds the run lock; null when it does not. */
  private Map<String, String> lockInfo;

  /** The key, in DB.lock, of the highest send id a tick marked {@code sending}. */
  static final String SEND_MARK = "sends";

  private SqliteDialect(Path file) {
    this.file = file;
  }

  /**
   * Opens the store in {@code file}; creates it (and its schema) only when {@code create} is set
   * and the file does not exist. A missing, foreign or damaged file is refused, never replaced.
   */
  static JdbcStore open(Path file, boolean create) {
    boolean exists = Files.exists(file);
    if (!exists && !create) {
      throw new StoreException(
          StoreException.Kind.MISSING,
          "no state store at "
              + file
              + "; run `cadence enroll` first (it creates one), or point --db at yours");
    }
    OpenDatabases.Handle handle = null;
    if (exists) {
      handle = checkHeader(file);
    } else {
      Path dir = file.toAbsolutePath().getParent();
      if (dir == null || !Files.isDirectory(dir)) {
        throw new StoreException(
            StoreException.Kind.IO,
            "cannot create the state store " + file + ": no such folder " + dir);
      }
    }
    SqliteDialect dialect = new SqliteDialect(file);
    dialect.handle = handle;
    SQLiteConfig config = new SQLiteConfig();
    config.setOpenMode(SQLiteOpenMode.READWRITE);
    if (!create) {
      // on by default: a vanished file must not come back empty
      config.resetOpenMode(SQLiteOpenMode.CREATE);
    }
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.enforceForeignKeys(true);
    Connection c;
    try {
      c =
          DriverManager.getConnection(
              "jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
    } catch (SQLException e) {
      dialect.close();
      throw dialect.translate("cannot open", e);
    }
    try {
      dialect.prepare(c, create);
      if (dialect.handle == null) {
        dialect.handle = share(file); // created just now
      }
      return new JdbcStore(c, dialect);
    } catch (RuntimeException e) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // the first failure is the one to report
      }
      dialect.close();
      throw e;
    }
  }

  private static OpenDatabases.Handle share(Path file) {
    try {
      return OpenDatabases.open(file);
    } catch (IOException e) {
      throw new StoreException(
          StoreException.Kind.IO, "cannot read the state store " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A file that is not SQLite at all is refused before SQLite sees it; read through the shared
   * channel, which the caller then keeps.
   */
  private static OpenDatabases.Handle checkHeader(Path file) {
    if (Files.isDirectory(file)) {
      throw new StoreException(
          StoreException.Kind.CORRUPT,
          file + " is a folder, not a state store; point --db at the store file");
    }
    OpenDatabases.Handle handle = share(file);
    byte[] head;
    try {
      head = handle.head(MAGIC.length);
    } catch (IOException e) {
      handle.close();
      throw new StoreException(
          StoreException.Kind.IO, "cannot read the state store " + file + ": " + e.getMessage(), e);
    }
    if (head.length == 0) {
      handle.close();
      throw corrupt(file, "it is empty");
    }
    if (!Arrays.equals(head, MAGIC)) {
      handle.close();
      throw corrupt(file, "it is not a SQLite database");
    }
    return handle;
  }

  static StoreException corrupt(Path file, String why) {
    return new StoreException(
        StoreException.Kind.CORRUPT,
        file
            + " is not a usable cadence state store ("
            + why
            + "); refusing to start afresh, which would send everything again: restore it from a"
            + " backup, or point --db elsewhere");
  }

  private void prepare(Connection c, boolean create) {
    try (Statement s = c.createStatement()) {
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
      int version = tables == 0 ? 0 : intQuery(s, "SELECT max(version) FROM schema_version");
      Migrations.apply(c, this, version);
    } catch (SQLException e) {
      throw translate("cannot open", e);
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

  @Override
  public String name() {
    return file.toString();
  }

  /**
   * IMMEDIATE: the write lock is taken at the start, so a transaction never fails half-way on it.
   */
  @Override
  public String beginWrite() {
    return "BEGIN IMMEDIATE";
  }

  @Override
  public String beginRead() {
    return "BEGIN";
  }

  /** WAL with synchronous=NORMAL survives a crash of the process but not a power cut; FULL both. */
  @Override
  public void durability(Connection c, boolean durable) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
    }
  }

  @Override
  public String ddl(String template) {
    return template.replace("${ID}", "INTEGER PRIMARY KEY").replace("${INT64}", "INTEGER");
  }

  @Override
  public void markSchema(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA application_id = " + Migrations.APPLICATION_ID);
    }
  }

  @Override
  public StoreException translate(String what, SQLException e) {
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
  public StoreException damaged(String row) {
    return new StoreException(
        StoreException.Kind.CORRUPT,
        "the state store "
            + file
            + " is damaged: "
            + row
            + "; nothing was changed. Restore the store from a backup (see the backups section"
            + " of docs/operations.md) or repair that row");
  }

  @Override
  public Optional<RunLock> tryLockRuns(RunHolder me) {
    Optional<RunLock> lock = StoreLock.tryAcquire(handle);
    if (lock.isPresent()) {
      Path info = StoreLock.infoFile(handle.realPath());
      Map<String, String> pairs = LockInfo.read(info);
      LockInfo.putHolder(pairs, me);
      try {
        LockInfo.write(info, pairs);
      } catch (StoreException e) {
        lock.get().close();
        throw e;
      }
      RunLock held = lock.get();
      lockInfo = pairs;
      return Optional.of(
          () -> {
            lockInfo = null;
            held.close();
          });
    }
    return lock;
  }

  /**
   * PASSIVE: copies what no reader still needs from the WAL into the database file and syncs it,
   * without waiting for anyone; a reader's old snapshot only holds back the frames after it.
   */
  @Override
  public void checkpoint(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(PASSIVE)");
    }
  }

  @Override
  public OptionalLong sendMark() {
    String mark = LockInfo.read(StoreLock.infoFile(handle.realPath())).get(SEND_MARK);
    try {
      return mark == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(mark));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  @Override
  public void noteSendMark(long id) {
    if (lockInfo == null) {
      return; // only the holder of the run lock writes beside the store
    }
    lockInfo.put(SEND_MARK, Long.toString(id));
    LockInfo.write(StoreLock.infoFile(handle.realPath()), lockInfo);
  }

  @Override
  public Optional<RunHolder> runLockHolder() {
    return LockInfo.holder(LockInfo.read(StoreLock.infoFile(handle.realPath())));
  }

  @Override
  public void close() {
    if (handle != null) {
      handle.close();
      handle = null;
    }
  }
}
