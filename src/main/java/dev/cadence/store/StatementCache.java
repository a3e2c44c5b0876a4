package dev.cadence.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statements of one connection, each prepared once and reused, and the one place where running
 * them (bind the parameters, run, map the rows) meets {@link SQLException}: every failure becomes
 * the dialect's {@link StoreException}, which rolls the transaction back.
 */
final class StatementCache implements AutoCloseable {
  /** Sets a statement's parameters. */
  @FunctionalInterface
  interface Binder {
    Binder NONE = p -> {};

    void bind(PreparedStatement p) throws SQLException;
  }

  /** Turns the current row into a value. */
  @FunctionalInterface
  interface RowMapper<T> {
    T map(ResultSet r) throws SQLException;
  }

  /** Takes each row of a scan as it is read (nothing is collected). */
  @FunctionalInterface
  interface RowSink {
    void accept(ResultSet r) throws SQLException;
  }

  private final Connection connection;
  private final Dialect dialect;
  private final Map<String, PreparedStatement> prepared = new HashMap<>();

  StatementCache(Connection connection, Dialect dialect) {
    this.connection = connection;
    this.dialect = dialect;
  }

  /** The first row mapped, if there is one. */
  <T> Optional<T> one(String sql, Binder binder, RowMapper<T> mapper) {
    try {
      PreparedStatement p = statement(sql);
      binder.bind(p);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(mapper.map(r)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw fail(e);
    } catch (DamagedRow e) {
      throw dialect.damaged(e.getMessage());
    }
  }

  /** Every row mapped, in the query's order. */
  <T> List<T> list(String sql, Binder binder, RowMapper<T> mapper) {
    List<T> all = new ArrayList<>();
    each(statementOrFail(sql), binder, r -> all.add(mapper.map(r)));
    return all;
  }

  /**
   * Every row of a query that is not kept for reuse: scans whose text varies (an {@code IN} list)
   * or that run once per command.
   */
  void scan(String sql, Binder binder, RowSink sink) {
    try (PreparedStatement p = connection.prepareStatement(sql)) {
      each(p, binder, sink);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  /** Runs an INSERT, UPDATE or DELETE; returns the number of rows changed. */
  int update(String sql, Binder binder) {
    try {
      PreparedStatement p = statement(sql);
      binder.bind(p);
      return p.executeUpdate();
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  /** Runs an INSERT into a table whose {@code id} the database assigns; returns that id. */
  long insert(String sql, Binder binder) {
    try {
      PreparedStatement p = prepared.get(sql);
      if (p == null) {
        p = connection.prepareStatement(sql, new String[] {"id"});
        prepared.put(sql, p);
      }
      binder.bind(p);
      p.executeUpdate();
      try (ResultSet keys = p.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("the database returned no id for: " + sql);
        }
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  private void each(PreparedStatement p, Binder binder, RowSink sink) {
    try {
      binder.bind(p);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          sink.accept(r);
        }
      }
    } catch (SQLException e) {
      throw fail(e);
    } catch (DamagedRow e) {
      throw dialect.damaged(e.getMessage());
    }
  }

  private PreparedStatement statementOrFail(String sql) {
    try {
      return statement(sql);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement p = prepared.get(sql);
    if (p == null) {
      p = connection.prepareStatement(sql);
      prepared.put(sql, p);
    }
    return p;
  }

  private StoreException fail(SQLException e) {
    return dialect.translate("database error in", e);
  }

  @Override
  public void close() {
    for (PreparedStatement p : prepared.values()) {
      try {
        p.close();
      } catch (SQLException ignored) {
        // closing the connection frees them anyway
      }
    }
    prepared.clear();
  }
}
