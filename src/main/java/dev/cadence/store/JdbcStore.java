package dev.cadence.store;

import dev.cadence.live.RunHolder;
import dev.cadence.live.RunLock;
import dev.cadence.live.StateStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The state store over one JDBC connection: transactions, durability and locking as its {@link
 * Dialect} says, the operations in {@link SqlTx}. Opened through {@link Stores}.
 */
final class JdbcStore implements StateStore {
  private final Connection connection;
  private final Dialect dialect;
  private final StatementCache statements;
  private final SqlTx tx;
  private boolean durable = true;

  JdbcStore(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
    this.statements = new StatementCache(connection, dialect);
    this.tx = new SqlTx(statements);
  }

  @Override
  public <T> T write(Function<Tx, T> work) {
    return transaction(dialect.beginWrite(), work);
  }

  @Override
  public <T> T writeBuffered(Function<Tx, T> work) {
    durable(false);
    try {
      return write(work);
    } finally {
      durable(true);
    }
  }

  @Override
  public <T> T read(Function<Tx, T> work) {
    return transaction(dialect.beginRead(), work);
  }

  @Override
  public void checkpoint() {
    try {
      dialect.checkpoint(connection);
    } catch (SQLException e) {
      throw dialect.translate("cannot checkpoint", e);
    }
  }

  @Override
  public OptionalLong sendMark() {
    return dialect.sendMark();
  }

  @Override
  public void noteSendMark(long id) {
    dialect.noteSendMark(id);
  }

  @Override
  public Optional<RunLock> tryLockRuns(RunHolder me) {
    return dialect.tryLockRuns(me);
  }

  @Override
  public Optional<RunHolder> runLockHolder() {
    return dialect.runLockHolder();
  }

  private void durable(boolean wanted) {
    if (wanted == durable) {
      return;
    }
    try {
      dialect.durability(connection, wanted);
      durable = wanted;
    } catch (SQLException e) {
      throw dialect.translate("cannot set synchronous on", e);
    }
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
      throw dialect.translate("database error", e);
    }
  }

  @Override
  public void close() {
    statements.close();
    try {
      connection.close();
    } catch (SQLException e) {
      throw dialect.translate("cannot close", e);
    } finally {
      dialect.close(); // after the connection: see OpenDatabases
    }
  }
}
