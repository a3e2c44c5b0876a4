package dev.cadence.store;

import dev.cadence.engine.Enrollment;
import dev.cadence.live.CadenceRef;
import dev.cadence.live.SendRecord;
import dev.cadence.live.SendState;
import dev.cadence.live.StateStore;
import dev.cadence.live.StoredEnrollment;
import dev.cadence.live.Suppression;
import dev.cadence.model.Channel;
import dev.cadence.model.Lead;
import dev.cadence.model.OutcomeEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The SQL behind {@link StateStore.Tx}, with its statements prepared once per connection. */
final class SqliteTx implements StateStore.Tx {
  private static final String ENROLLMENT_COLUMNS =
      "id, cadence, lead_id, lead, state, next_due, status";
  private static final String SEND_COLUMNS =
      "s.id, s.enrollment_id, e.cadence, e.lead_id, s.step, s.visit, s.state, s.due_at,"
          + " s.attempts, s.next_attempt, s.sender, s.recipient, s.message_id, s.detail, s.started_at, s.finished_at";

  private final java.nio.file.Path file;
  private final Connection c;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  SqliteTx(java.nio.file.Path file, Connection c) {
    this.file = file;
    this.c = c;
  }

  private PreparedStatement sql(String sql) throws SQLException {
    PreparedStatement p = statements.get(sql);
    if (p == null) {
      p = c.prepareStatement(sql);
      statements.put(sql, p);
    }
    return p;
  }

  void close() {
    for (PreparedStatement p : statements.values()) {
      try {
        p.close();
      } catch (SQLException ignored) {
        // closing the connection frees them anyway
      }
    }
    statements.clear();
  }

  /** SQL failures inside a transaction: rolled back by the caller, reported as a store failure. */
  private RuntimeException fail(SQLException e) {
    return SqliteStore.translate(file, "database error in", e);
  }

  @Override
  public Optional<CadenceRef> cadence(String id) {
    try {
      PreparedStatement p = sql("SELECT id, path, hash FROM cadences WHERE id = ?");
      p.setString(1, id);
      try (ResultSet r = p.executeQuery()) {
        return r.next()
            ? Optional.of(new CadenceRef(r.getString(1), r.getString(2), r.getString(3)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public List<CadenceRef> cadences() {
    try (ResultSet r = sql("SELECT id, path, hash FROM cadences ORDER BY id").executeQuery()) {
      List<CadenceRef> all = new ArrayList<>();
      while (r.next()) {
        all.add(new CadenceRef(r.getString(1), r.getString(2), r.getString(3)));
      }
      return all;
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public void saveCadence(CadenceRef ref) {
    try {
      PreparedStatement p =
          sql(
              "INSERT INTO cadences (id, path, hash) VALUES (?, ?, ?)"
                  + " ON CONFLICT (id) DO UPDATE SET path = excluded.path, hash = excluded.hash");
      p.setString(1, ref.id());
      p.setString(2, ref.path());
      p.setString(3, ref.hash());
      p.executeUpdate();
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public Optional<StoredEnrollment> enrollment(long id) {
    try {
      PreparedStatement p = sql("SELECT " + ENROLLMENT_COLUMNS + " FROM enrollments WHERE id = ?");
      p.setLong(1, id);
      return one(p);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public Optional<StoredEnrollment> enrollment(String cadence, String leadId) {
    try {
      PreparedStatement p =
          sql(
              "SELECT "
                  + ENROLLMENT_COLUMNS
                  + " FROM enrollments WHERE cadence = ? AND lead_id = ?");
      p.setString(1, cadence);
      p.setString(2, leadId);
      return one(p);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public List<StoredEnrollment> enrollmentsOfLead(String leadId) {
    try {
      PreparedStatement p =
          sql("SELECT " + ENROLLMENT_COLUMNS + " FROM enrollments WHERE lead_id = ? ORDER BY id");
      p.setString(1, leadId);
      return many(p);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public long insertEnrollment(
      Lead lead, Enrollment state, Optional<Instant> nextDue, String status, Instant now) {
    try {
      PreparedStatement p =
          sql(
              "INSERT INTO enrollments (cadence, lead_id, lead, state, active, next_due, status, created_at,"
                  + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
      p.setString(1, state.cadence());
      p.setString(2, lead.id());
      p.setString(3, EnrollmentCodec.encodeLead(lead));
      p.setString(4, EnrollmentCodec.encode(state));
      p.setInt(5, state.isActive() ? 1 : 0);
      setInstant(p, 6, nextDue.map(SqliteTx::ceilMillis));
      p.setString(7, status);
      p.setLong(8, now.toEpochMilli());
      p.setLong(9, now.toEpochMilli());
      p.executeUpdate();
      try (ResultSet r = sql("SELECT last_insert_rowid()").executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public void updateEnrollment(
      long id, Enrollment state, Optional<Instant> nextDue, String status, Instant now) {
    try {
      PreparedStatement p =
          sql(
              "UPDATE enrollments SET state = ?, active = ?, next_due = ?, status = ?, updated_at = ? WHERE id = ?");
      p.setString(1, EnrollmentCodec.encode(state));
      p.setInt(2, state.isActive() ? 1 : 0);
      setInstant(p, 3, nextDue.map(SqliteTx::ceilMillis));
      p.setString(4, status);
      p.setLong(5, now.toEpochMilli());
      p.setLong(6, id);
      if (p.executeUpdate() != 1) {
        throw new StoreException(StoreException.Kind.IO, "enrollment " + id + " vanished");
      }
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public List<StoredEnrollment> dueEnrollments(Instant now, long afterId, int limit) {
    try {
      PreparedStatement p =
          sql(
              "SELECT "
                  + ENROLLMENT_COLUMNS
                  + " FROM enrollments WHERE next_due <= ? AND id > ? ORDER BY id LIMIT ?");
      p.setLong(1, now.toEpochMilli());
      p.setLong(2, afterId);
      p.setInt(3, limit);
      return many(p);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public void forEachEnrollment(
      String cadence, boolean activeOnly, Consumer<StoredEnrollment> sink) {
    String where =
        (cadence == null ? "1 = 1" : "cadence = ?") + (activeOnly ? " AND active = 1" : "");
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT " + ENROLLMENT_COLUMNS + " FROM enrollments WHERE " + where + " ORDER BY id")) {
      if (cadence != null) {
        p.setString(1, cadence);
      }
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          sink.accept(enrollment(r));
        }
      }
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  private Optional<StoredEnrollment> one(PreparedStatement p) throws SQLException {
    try (ResultSet r = p.executeQuery()) {
      return r.next() ? Optional.of(enrollment(r)) : Optional.empty();
    }
  }

  private List<StoredEnrollment> many(PreparedStatement p) throws SQLException {
    List<StoredEnrollment> all = new ArrayList<>();
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        all.add(enrollment(r));
      }
    }
    return all;
  }

  private static StoredEnrollment enrollment(ResultSet r) throws SQLException {
    String cadence = r.getString(2);
    String leadId = r.getString(3);
    Lead lead = EnrollmentCodec.decodeLead(leadId, r.getString(4));
    Enrollment state = EnrollmentCodec.decode(leadId, cadence, r.getString(5));
    long due = r.getLong(6);
    Optional<Instant> nextDue =
        r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(due));
    return new StoredEnrollment(r.getLong(1), lead, state, nextDue, r.getString(7));
  }

  @Override
  public Optional<SendRecord> send(long enrollmentId, String step, int visit) {
    try {
      PreparedStatement p =
          sql(
              "SELECT "
                  + SEND_COLUMNS
                  + " FROM sends s JOIN enrollments e ON e.id = s.enrollment_id"
                  + " WHERE s.enrollment_id = ? AND s.step = ? AND s.visit = ?");
      p.setLong(1, enrollmentId);
      p.setString(2, step);
      p.setInt(3, visit);
      List<SendRecord> found = sends(p);
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public List<SendRecord> sendsOf(long enrollmentId) {
    try {
      PreparedStatement p =
          sql(
              "SELECT "
                  + SEND_COLUMNS
                  + " FROM sends s JOIN enrollments e ON e.id = s.enrollment_id"
                  + " WHERE s.enrollment_id = ? ORDER BY s.id");
      p.setLong(1, enrollmentId);
      return sends(p);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public List<SendRecord> sendsIn(Collection<SendState> states) {
    if (states.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", states.stream().map(s -> "?").toList());
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT "
                + SEND_COLUMNS
                + " FROM sends s JOIN enrollments e"
                + " ON e.id = s.enrollment_id WHERE s.state IN ("
                + marks
                + ") ORDER BY s.id")) {
      int i = 1;
      for (SendState s : states) {
        p.setString(i++, s.id());
      }
      return sends(p);
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  private List<SendRecord> sends(PreparedStatement p) throws SQLException {
    List<SendRecord> all = new ArrayList<>();
    try (ResultSet r = p.executeQuery()) {
      while (r.next()) {
        all.add(
            new SendRecord(
                r.getLong(1),
                r.getLong(2),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getInt(6),
                SendState.fromId(r.getString(7)),
                Instant.ofEpochMilli(r.getLong(8)),
                r.getInt(9),
                instant(r, 10),
                r.getString(11),
                r.getString(12),
                r.getString(13),
                r.getString(14),
                instant(r, 15),
                instant(r, 16)));
      }
    }
    return all;
  }

  @Override
  public SendRecord insertSend(
      long enrollmentId, String step, int visit, SendState state, Instant dueAt, Instant now) {
    try {
      PreparedStatement p =
          sql(
              "INSERT INTO sends (enrollment_id, step, visit, state, due_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)");
      p.setLong(1, enrollmentId);
      p.setString(2, step);
      p.setInt(3, visit);
      p.setString(4, state.id());
      p.setLong(5, dueAt.toEpochMilli());
      p.setLong(6, now.toEpochMilli());
      p.executeUpdate();
    } catch (SQLException e) {
      throw fail(e);
    }
    return send(enrollmentId, step, visit).orElseThrow();
  }

  @Override
  public void updateSend(SendRecord s, Instant now) {
    try {
      PreparedStatement p =
          sql(
              "UPDATE sends SET state = ?, attempts = ?, next_attempt = ?, sender = ?, recipient = ?,"
                  + " message_id = ?, detail = ?, started_at = ?, finished_at = ?, updated_at = ? WHERE id = ?");
      p.setString(1, s.state().id());
      p.setInt(2, s.attempts());
      setInstant(p, 3, s.nextAttempt());
      p.setString(4, s.sender());
      p.setString(5, s.recipient());
      p.setString(6, s.messageId());
      p.setString(7, s.detail());
      setInstant(p, 8, s.startedAt());
      setInstant(p, 9, s.finishedAt());
      p.setLong(10, now.toEpochMilli());
      p.setLong(11, s.id());
      p.executeUpdate();
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public int sendsStartedSince(String sender, Instant since) {
    try {
      PreparedStatement p = sql("SELECT count(*) FROM sends WHERE sender = ? AND started_at >= ?");
      p.setString(1, sender);
      p.setLong(2, since.toEpochMilli());
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? r.getInt(1) : 0;
      }
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public Optional<Suppression> suppression(String leadId, Optional<String> email) {
    try {
      PreparedStatement p =
          sql(
              "SELECT kind, value, reason, at FROM suppressions WHERE (kind = 'lead' AND value = ?)"
                  + " OR (kind = 'email' AND value = ?) ORDER BY kind DESC LIMIT 1");
      p.setString(1, leadId);
      p.setString(2, email.map(Suppression::normalise).orElse(""));
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Suppression(
                Suppression.Kind.valueOf(r.getString(1).toUpperCase(java.util.Locale.ROOT)),
                r.getString(2),
                r.getString(3),
                Instant.ofEpochMilli(r.getLong(4))));
      }
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public void suppress(Suppression entry) {
    try {
      PreparedStatement p =
          sql(
              "INSERT INTO suppressions (kind, value, reason, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING");
      p.setString(1, entry.kind().id());
      p.setString(
          2,
          entry.kind() == Suppression.Kind.EMAIL
              ? Suppression.normalise(entry.value())
              : entry.value());
      p.setString(3, entry.reason());
      p.setLong(4, entry.at().toEpochMilli());
      p.executeUpdate();
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public void addEvent(OutcomeEvent e) {
    try {
      PreparedStatement p =
          sql(
              "INSERT INTO events (at, zone, lead_id, cadence, step, channel, template, region, event)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
      p.setLong(1, e.at().toEpochMilli());
      p.setString(2, e.zone().getId());
      p.setString(3, e.leadId());
      p.setString(4, e.cadence());
      p.setString(5, e.step());
      p.setString(6, e.channel().yamlName());
      p.setString(7, e.template());
      p.setString(8, e.region());
      p.setString(9, e.event());
      p.executeUpdate();
    } catch (SQLException x) {
      throw fail(x);
    }
  }

  @Override
  public void forEachEvent(Consumer<OutcomeEvent> sink) {
    try (PreparedStatement p =
            c.prepareStatement(
                "SELECT at, zone, lead_id, cadence, step, channel, template, region, event FROM events ORDER BY id");
        ResultSet r = p.executeQuery()) {
      while (r.next()) {
        sink.accept(
            new OutcomeEvent(
                Instant.ofEpochMilli(r.getLong(1)),
                ZoneId.of(r.getString(2)),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                Channel.fromYaml(r.getString(6)).orElseThrow(),
                r.getString(7),
                r.getString(8),
                r.getString(9)));
      }
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  @Override
  public boolean hasEvent(String leadId, String cadence, String step, String event, Instant at) {
    try {
      PreparedStatement p =
          sql(
              "SELECT 1 FROM events WHERE lead_id = ? AND cadence = ? AND step = ? AND event = ? AND at = ? LIMIT 1");
      p.setString(1, leadId);
      p.setString(2, cadence);
      p.setString(3, step);
      p.setString(4, event);
      p.setLong(5, at.toEpochMilli());
      try (ResultSet r = p.executeQuery()) {
        return r.next();
      }
    } catch (SQLException e) {
      throw fail(e);
    }
  }

  private static Optional<Instant> instant(ResultSet r, int column) throws SQLException {
    long v = r.getLong(column);
    return r.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
  }

  private static void setInstant(PreparedStatement p, int i, Optional<Instant> v)
      throws SQLException {
    if (v.isPresent()) {
      p.setLong(i, v.get().toEpochMilli());
    } else {
      p.setNull(i, Types.INTEGER);
    }
  }

  /** Rounded up: a due time stored a fraction early would be looked at before it is due. */
  private static Instant ceilMillis(Instant t) {
    Instant down = Instant.ofEpochMilli(t.toEpochMilli());
    return down.equals(t) ? t : down.plusMillis(1);
  }
}
