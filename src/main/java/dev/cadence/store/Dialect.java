package dev.cadence.store;

import dev.cadence.live.RunHolder;
import dev.cadence.live.RunLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What differs between the databases behind {@link JdbcStore}: how transactions start, how much a
 * commit waits for the disk, how failures read to a user, the column types of the schema, and how
 * ticks are kept apart. The SQL of the operations themselves is written once, in {@link SqlTx}.
 */
sealed interface Dialect permits SqliteDialect {

  /** The store as messages name it (its file, or its URL without the password). */
  String name();

  /** The statement that opens a write transaction serialised with every other writer. */
  String beginWrite();

  /** The statement that opens a read-only transaction over a consistent snapshot. */
  String beginRead();

  /**
   * Sets how much a commit waits for the disk: {@code durable} survives a power cut; otherwise a
   * commit survives a crash of this process only (see {@code StateStore.writeBuffered}).
   */
  void durability(Connection c, boolean durable) throws SQLException;

  /** The schema's text with this database's column types in place of the placeholders. */
  String ddl(String template);

  /** Marks a freshly migrated schema as a cadence store, where the database can. */
  void markSchema(Connection c) throws SQLException;

  /**
   * A database failure in a user's words: damage is refused like a foreign file, the rest is I/O.
   */
  StoreException translate(String what, SQLException e);

  /**
   * The refusal for a store with a row no cadence writes ({@code row} names it): damaged, to be
   * restored or repaired, never worked around.
   */
  StoreException damaged(String row);

  /** See {@code StateStore.tryLockRuns}. */
  Optional<RunLock> tryLockRuns(RunHolder me);

  /** See {@code StateStore.runLockHolder}. */
  Optional<RunHolder> runLockHolder();

  /** See {@code StateStore.checkpoint}. */
  void checkpoint(Connection c) throws SQLException;

  /** See {@code StateStore.sendMark}. */
  OptionalLong sendMark();

  /** See {@code StateStore.noteSendMark}. */
  void noteSendMark(long id);

  /** Releases what the dialect holds beside the connection, once the connection is closed. */
  void close();
}
