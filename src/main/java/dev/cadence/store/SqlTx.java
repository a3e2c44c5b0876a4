package dev.cadence.store;

import dev.cadence.engine.Enrollment;
import dev.cadence.live.CadenceRef;
import dev.cadence.live.FolderMark;
import dev.cadence.live.InboxTask;
import dev.cadence.live.SendRecord;
import dev.cadence.live.SendState;
import dev.cadence.live.StateStore;
import dev.cadence.live.StoredEnrollment;
import dev.cadence.live.Suppression;
import dev.cadence.model.Channel;
import dev.cadence.model.Lead;
import dev.cadence.model.OutcomeEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The operations of {@link StateStore.Tx} in SQL that every supported database runs as written;
 * instants are epoch milliseconds.
 */
final class SqlTx implements StateStore.Tx {
  private static final String ENROLLMENT_COLUMNS =
      "id, cadence, lead_id, lead, state, next_due, status";
  private static final String SEND_COLUMNS =
      "s.id, s.enrollment_id, e.cadence, e.lead_id, s.step, s.visit, s.state, s.due_at,"
          + " s.attempts, s.next_attempt, s.sender, s.recipient, s.message_id, s.detail,"
          + " s.started_at, s.finished_at";
  private static final String SENDS_JOINED =
      "SELECT " + SEND_COLUMNS + " FROM sends s JOIN enrollments e ON e.id = s.enrollment_id";

  private final StatementCache sql;

  SqlTx(StatementCache sql) {
    this.sql = sql;
  }

  @Override
  public Optional<CadenceRef> cadence(String id) {
    return sql.one(
        "SELECT id, path, hash FROM cadences WHERE id = ?", p -> p.setString(1, id), SqlTx::ref);
  }

  @Override
  public List<CadenceRef> cadences() {
    return sql.list(
        "SELECT id, path, hash FROM cadences ORDER BY id", StatementCache.Binder.NONE, SqlTx::ref);
  }

  private static CadenceRef ref(ResultSet r) throws SQLException {
    return new CadenceRef(r.getString(1), r.getString(2), r.getString(3));
  }

  @Override
  public void saveCadence(CadenceRef ref) {
    sql.update(
        "INSERT INTO cadences (id, path, hash) VALUES (?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET path = excluded.path, hash = excluded.hash",
        p -> {
          p.setString(1, ref.id());
          p.setString(2, ref.path());
          p.setString(3, ref.hash());
        });
  }

  @Override
  public Optional<StoredEnrollment> enrollment(long id) {
    return sql.one(
        "SELECT " + ENROLLMENT_COLUMNS + " FROM enrollments WHERE id = ?",
        p -> p.setLong(1, id),
        SqlTx::enrollment);
  }

  @Override
  public Optional<StoredEnrollment> enrollment(String cadence, String leadId) {
    return sql.one(
        "SELECT " + ENROLLMENT_COLUMNS + " FROM enrollments WHERE cadence = ? AND lead_id = ?",
        p -> {
          p.setString(1, cadence);
          p.setString(2, leadId);
        },
        SqlTx::enrollment);
  }

  @Override
  public List<StoredEnrollment> enrollmentsOfLead(String leadId) {
    return sql.list(
        "SELECT " + ENROLLMENT_COLUMNS + " FROM enrollments WHERE lead_id = ? ORDER BY id",
        p -> p.setString(1, leadId),
        SqlTx::enrollment);
  }

  @Override
  public long insertEnrollment(
      Lead lead, Enrollment state, Optional<Instant> nextDue, String status, Instant now) {
    return sql.insert(
        "INSERT INTO enrollments (cadence, lead_id, lead, state, active, next_due, status,"
            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        p -> {
          p.setString(1, state.cadence());
          p.setString(2, lead.id());
          p.setString(3, EnrollmentCodec.encodeLead(lead));
          p.setString(4, EnrollmentCodec.encode(state));
          p.setInt(5, state.isActive() ? 1 : 0);
          setInstant(p, 6, nextDue.map(SqlTx::ceilMillis));
          p.setString(7, status);
          p.setLong(8, now.toEpochMilli());
          p.setLong(9, now.toEpochMilli());
        });
  }

  @Override
  public void updateEnrollment(
      long id, Enrollment state, Optional<Instant> nextDue, String status, Instant now) {
    int changed =
        sql.update(
            "UPDATE enrollments SET state = ?, active = ?, next_due = ?, status = ?, updated_at = ?"
                + " WHERE id = ?",
            p -> {
              p.setString(1, EnrollmentCodec.encode(state));
              p.setInt(2, state.isActive() ? 1 : 0);
              setInstant(p, 3, nextDue.map(SqlTx::ceilMillis));
              p.setString(4, status);
              p.setLong(5, now.toEpochMilli());
              p.setLong(6, id);
            });
    if (changed != 1) {
      throw new StoreException(StoreException.Kind.IO, "enrollment " + id + " vanished");
    }
  }

  @Override
  public List<StoredEnrollment> dueEnrollments(Instant now, long afterId, int limit) {
    return sql.list(
        "SELECT "
            + ENROLLMENT_COLUMNS
            + " FROM enrollments WHERE next_due <= ? AND id > ? ORDER BY id LIMIT ?",
        p -> {
          p.setLong(1, now.toEpochMilli());
          p.setLong(2, afterId);
          p.setInt(3, limit);
        },
        SqlTx::enrollment);
  }

  @Override
  public void forEachEnrollment(
      String cadence, boolean activeOnly, Consumer<StoredEnrollment> sink) {
    String where =
        (cadence == null ? "1 = 1" : "cadence = ?") + (activeOnly ? " AND active = 1" : "");
    sql.scan(
        "SELECT " + ENROLLMENT_COLUMNS + " FROM enrollments WHERE " + where + " ORDER BY id",
        p -> {
          if (cadence != null) {
            p.setString(1, cadence);
          }
        },
        r -> sink.accept(enrollment(r)));
  }

  private static StoredEnrollment enrollment(ResultSet r) throws SQLException {
    String cadence = r.getString(2);
    String leadId = r.getString(3);
    try {
      Lead lead = EnrollmentCodec.decodeLead(leadId, r.getString(4));
      Enrollment state = EnrollmentCodec.decode(leadId, cadence, r.getString(5));
      return new StoredEnrollment(r.getLong(1), lead, state, instant(r, 6), r.getString(7));
    } catch (IllegalStateException e) {
      throw new DamagedRow(
          "enrollment "
              + r.getLong(1)
              + " (lead "
              + leadId
              + ", cadence "
              + cadence
              + ") cannot be read ("
              + e.getMessage()
              + ")");
    }
  }

  @Override
  public Optional<SendRecord> send(long enrollmentId, String step, int visit) {
    return sql.one(
        SENDS_JOINED + " WHERE s.enrollment_id = ? AND s.step = ? AND s.visit = ?",
        p -> {
          p.setLong(1, enrollmentId);
          p.setString(2, step);
          p.setInt(3, visit);
        },
        SqlTx::send);
  }

  @Override
  public List<SendRecord> sendsOf(long enrollmentId) {
    return sql.list(
        SENDS_JOINED + " WHERE s.enrollment_id = ? ORDER BY s.id",
        p -> p.setLong(1, enrollmentId),
        SqlTx::send);
  }

  @Override
  public List<SendRecord> sendsIn(Collection<SendState> states) {
    if (states.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", states.stream().map(s -> "?").toList());
    List<SendRecord> all = new ArrayList<>();
    sql.scan(
        SENDS_JOINED + " WHERE s.state IN (" + marks + ") ORDER BY s.id",
        p -> {
          int i = 1;
          for (SendState s : states) {
            p.setString(i++, s.id());
          }
        },
        r -> all.add(send(r)));
    return all;
  }

  private static SendRecord send(ResultSet r) throws SQLException {
    return new SendRecord(
        r.getLong(1),
        r.getLong(2),
        r.getString(3),
        r.getString(4),
        r.getString(5),
        r.getInt(6),
        sendState(r),
        Instant.ofEpochMilli(r.getLong(8)),
        r.getInt(9),
        instant(r, 10),
        r.getString(11),
        r.getString(12),
        r.getString(13),
        r.getString(14),
        instant(r, 15),
        instant(r, 16));
  }

  private static SendState sendState(ResultSet r) throws SQLException {
    String id = r.getString(7);
    try {
      return SendState.fromId(id);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new DamagedRow(
          "send "
              + r.getLong(1)
              + " (lead "
              + r.getString(4)
              + ", cadence "
              + r.getString(3)
              + ", step "
              + r.getString(5)
              + ") has the state `"
              + id
              + "`, which cadence never writes");
    }
  }

  @Override
  public SendRecord insertSend(
      long enrollmentId, String step, int visit, SendState state, Instant dueAt, Instant now) {
    sql.insert(
        "INSERT INTO sends (enrollment_id, step, visit, state, due_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        p -> {
          p.setLong(1, enrollmentId);
          p.setString(2, step);
          p.setInt(3, visit);
          p.setString(4, state.id());
          p.setLong(5, dueAt.toEpochMilli());
          p.setLong(6, now.toEpochMilli());
        });
    return send(enrollmentId, step, visit).orElseThrow();
  }

  @Override
  public void updateSend(SendRecord s, Instant now) {
    sql.update(
        "UPDATE sends SET state = ?, attempts = ?, next_attempt = ?, sender = ?, recipient = ?,"
            + " message_id = ?, detail = ?, started_at = ?, finished_at = ?, updated_at = ?"
            + " WHERE id = ?",
        p -> {
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
        });
  }

  @Override
  public long highestSendId() {
    return sql.one("SELECT max(id) FROM sends", StatementCache.Binder.NONE, r -> r.getLong(1))
        .orElse(0L);
  }

  @Override
  public int sendsStartedSince(String sender, Instant since) {
    return sql.one(
            "SELECT count(*) FROM sends WHERE sender = ? AND started_at >= ?",
            p -> {
              p.setString(1, sender);
              p.setLong(2, since.toEpochMilli());
            },
            r -> r.getInt(1))
        .orElse(0);
  }

  @Override
  public Optional<Suppression> suppression(String leadId, Optional<String> email) {
    return sql.one(
        "SELECT kind, value, reason, at FROM suppressions WHERE (kind = 'lead' AND value = ?)"
            + " OR (kind = 'email' AND value = ?) ORDER BY kind DESC LIMIT 1",
        p -> {
          p.setString(1, leadId);
          p.setString(2, email.map(Suppression::normalise).orElse(""));
        },
        r ->
            new Suppression(
                Suppression.Kind.valueOf(r.getString(1).toUpperCase(Locale.ROOT)),
                r.getString(2),
                r.getString(3),
                Instant.ofEpochMilli(r.getLong(4))));
  }

  @Override
  public void suppress(Suppression entry) {
    sql.update(
        "INSERT INTO suppressions (kind, value, reason, at) VALUES (?, ?, ?, ?)"
            + " ON CONFLICT DO NOTHING",
        p -> {
          p.setString(1, entry.kind().id());
          p.setString(
              2,
              entry.kind() == Suppression.Kind.EMAIL
                  ? Suppression.normalise(entry.value())
                  : entry.value());
          p.setString(3, entry.reason());
          p.setLong(4, entry.at().toEpochMilli());
        });
  }

  @Override
  public void addEvent(OutcomeEvent e) {
    sql.update(
        "INSERT INTO events (at, zone, lead_id, cadence, step, channel, template, region, event)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        p -> {
          p.setLong(1, e.at().toEpochMilli());
          p.setString(2, e.zone().getId());
          p.setString(3, e.leadId());
          p.setString(4, e.cadence());
          p.setString(5, e.step());
          p.setString(6, e.channel().yamlName());
          p.setString(7, e.template());
          p.setString(8, e.region());
          p.setString(9, e.event());
        });
  }

  @Override
  public void forEachEvent(Consumer<OutcomeEvent> sink) {
    sql.scan(
        "SELECT at, zone, lead_id, cadence, step, channel, template, region, event FROM events"
            + " ORDER BY id",
        StatementCache.Binder.NONE,
        r ->
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
                    r.getString(9))));
  }

  @Override
  public boolean hasEvent(String leadId, String cadence, String step, String event, Instant at) {
    return sql.one(
            "SELECT 1 FROM events WHERE lead_id = ? AND cadence = ? AND step = ? AND event = ?"
                + " AND at = ? LIMIT 1",
            p -> {
              p.setString(1, leadId);
              p.setString(2, cadence);
              p.setString(3, step);
              p.setString(4, event);
              p.setLong(5, at.toEpochMilli());
            },
            r -> Boolean.TRUE)
        .isPresent();
  }

  @Override
  public Optional<SendRecord> sendWithMessageId(String messageId) {
    return sql.one(
        SENDS_JOINED + " WHERE s.message_id = ? ORDER BY s.id DESC LIMIT 1",
        p -> p.setString(1, messageId),
        SqlTx::send);
  }

  @Override
  public Optional<SendRecord> latestSendTo(String address) {
    return sql.one(
        SENDS_JOINED
            + " WHERE lower(s.recipient) = ? AND s.started_at IS NOT NULL"
            + " ORDER BY s.started_at DESC, s.id DESC LIMIT 1",
        p -> p.setString(1, Suppression.normalise(address)),
        SqlTx::send);
  }

  @Override
  public boolean inboxSeen(String key) {
    return sql.one("SELECT 1 FROM inbox_seen WHERE key = ?", p -> p.setString(1, key), r -> true)
        .isPresent();
  }

  @Override
  public boolean imported(String key) {
    return sql.one("SELECT 1 FROM imported_rows WHERE key = ?", p -> p.setString(1, key), r -> true)
        .isPresent();
  }

  @Override
  public void markImported(String key, Instant at) {
    sql.update(
        "INSERT INTO imported_rows (key, at) VALUES (?, ?) ON CONFLICT DO NOTHING",
        p -> {
          p.setString(1, key);
          p.setLong(2, at.toEpochMilli());
        });
  }

  @Override
  public void markInboxSeen(String key, String source, String kind, Instant at) {
    sql.update(
        "INSERT INTO inbox_seen (key, source, kind, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
        p -> {
          p.setString(1, key);
          p.setString(2, source);
          p.setString(3, kind);
          p.setLong(4, at.toEpochMilli());
        });
  }

  @Override
  public Optional<FolderMark> folderMark(String mailbox) {
    return sql.one(
        "SELECT uidvalidity, last_uid FROM inbox_folders WHERE mailbox = ?",
        p -> p.setString(1, mailbox),
        r -> new FolderMark(r.getLong(1), r.getLong(2)));
  }

  @Override
  public void saveFolderMark(String mailbox, FolderMark mark) {
    sql.update(
        "INSERT INTO inbox_folders (mailbox, uidvalidity, last_uid) VALUES (?, ?, ?)"
            + " ON CONFLICT (mailbox) DO UPDATE SET uidvalidity = excluded.uidvalidity,"
            + " last_uid = excluded.last_uid",
        p -> {
          p.setString(1, mailbox);
          p.setLong(2, mark.uidValidity());
          p.setLong(3, mark.lastUid());
        });
  }

  @Override
  public int softBouncesInARow(String address) {
    return sql.one(
            "SELECT in_a_row FROM soft_bounces WHERE address = ?",
            p -> p.setString(1, Suppression.normalise(address)),
            r -> r.getInt(1))
        .orElse(0);
  }

  @Override
  public int countSoftBounce(String address, Instant at) {
    String key = Suppression.normalise(address);
    sql.update(
        "INSERT INTO soft_bounces (address, in_a_row, last_at) VALUES (?, 1, ?)"
            + " ON CONFLICT (address) DO UPDATE SET in_a_row = soft_bounces.in_a_row + 1,"
            + " last_at = excluded.last_at",
        p -> {
          p.setString(1, key);
          p.setLong(2, at.toEpochMilli());
        });
    return softBouncesInARow(key);
  }

  @Override
  public void clearSoftBounces(String address) {
    sql.update(
        "DELETE FROM soft_bounces WHERE address = ?",
        p -> p.setString(1, Suppression.normalise(address)));
  }

  @Override
  public void addInboxTask(long enrollmentId, String step, String what, Instant due) {
    sql.insert(
        "INSERT INTO inbox_tasks (enrollment_id, step, what, due) VALUES (?, ?, ?, ?)",
        p -> {
          p.setLong(1, enrollmentId);
          p.setString(2, step);
          p.setString(3, what);
          p.setLong(4, due.toEpochMilli());
        });
  }

  @Override
  public List<InboxTask> openInboxTasks() {
    return sql.list(
        "SELECT t.id, t.enrollment_id, e.cadence, e.lead_id, t.step, t.what, t.due"
            + " FROM inbox_tasks t JOIN enrollments e ON e.id = t.enrollment_id"
            + " WHERE t.done_at IS NULL ORDER BY t.due, t.id",
        StatementCache.Binder.NONE,
        r ->
            new InboxTask(
                r.getLong(1),
                r.getLong(2),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                Instant.ofEpochMilli(r.getLong(7))));
  }

  @Override
  public int closeInboxTasks(long enrollmentId, Instant at) {
    return sql.update(
        "UPDATE inbox_tasks SET done_at = ? WHERE enrollment_id = ? AND done_at IS NULL",
        p -> {
          p.setLong(1, at.toEpochMilli());
          p.setLong(2, enrollmentId);
        });
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
      p.setNull(i, Types.BIGINT);
    }
  }

  /** Rounded up: a due time stored a fraction early would be looked at before it is due. */
  private static Instant ceilMillis(Instant t) {
    Instant down = Instant.ofEpochMilli(t.toEpochMilli());
    return down.equals(t) ? t : down.plusMillis(1);
  }
}
