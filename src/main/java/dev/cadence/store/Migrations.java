package dev.cadence.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The schema, as numbered steps: a store at version N gets steps N+1.. applied in one transaction.
 * A store whose version is above the last step was written by a newer cadence and is refused.
 * Column types that differ between databases are placeholders the {@link Dialect} fills: {@code
 * ${ID}} (an id the database assigns) and {@code ${INT64}} (epoch milliseconds, counts).
 */
final class Migrations {
  /** Marks a SQLite file as a cadence store ({@code PRAGMA application_id}, "CADC"). */
  static final int APPLICATION_ID = 0x43414443;

  static final List<String> STEPS =
      List.of(
          // 1: enrollments, sends, suppression list, outcome events.
          """
          CREATE TABLE schema_version (version ${INT64} NOT NULL);
          CREATE TABLE cadences (
            id TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            hash TEXT NOT NULL
          );
          CREATE TABLE enrollments (
            id ${ID},
            cadence TEXT NOT NULL REFERENCES cadences(id),
            lead_id TEXT NOT NULL,
            lead TEXT NOT NULL,
            state TEXT NOT NULL,
            active ${INT64} NOT NULL,
            next_due ${INT64},
            status TEXT NOT NULL DEFAULT '',
            created_at ${INT64} NOT NULL,
            updated_at ${INT64} NOT NULL,
            UNIQUE (cadence, lead_id)
          );
          CREATE INDEX enrollments_next_due ON enrollments (next_due) WHERE next_due IS NOT NULL;
          CREATE INDEX enrollments_lead ON enrollments (lead_id);
          CREATE TABLE sends (
            id ${ID},
            enrollment_id ${INT64} NOT NULL REFERENCES enrollments(id),
            step TEXT NOT NULL,
            visit ${INT64} NOT NULL,
            state TEXT NOT NULL,
            due_at ${INT64} NOT NULL,
            attempts ${INT64} NOT NULL DEFAULT 0,
            next_attempt ${INT64},
            sender TEXT NOT NULL DEFAULT '',
            recipient TEXT NOT NULL DEFAULT '',
            message_id TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT '',
            started_at ${INT64},
            finished_at ${INT64},
            updated_at ${INT64} NOT NULL,
            UNIQUE (enrollment_id, step, visit)
          );
          CREATE INDEX sends_state ON sends (state);
          CREATE INDEX sends_sender_started ON sends (sender, started_at);
          CREATE TABLE suppressions (
            kind TEXT NOT NULL,
            value TEXT NOT NULL,
            reason TEXT NOT NULL,
            at ${INT64} NOT NULL,
            PRIMARY KEY (kind, value)
          );
          CREATE TABLE events (
            id ${ID},
            at ${INT64} NOT NULL,
            zone TEXT NOT NULL,
            lead_id TEXT NOT NULL,
            cadence TEXT NOT NULL,
            step TEXT NOT NULL,
            channel TEXT NOT NULL,
            template TEXT NOT NULL,
            region TEXT NOT NULL,
            event TEXT NOT NULL
          );
          CREATE INDEX events_lead ON events (lead_id, cadence, step);
          INSERT INTO schema_version (version) VALUES (0);
          """,
          // 2: what the inbox read (each message once), where each IMAP folder was read up to,
          // soft bounces in a row per address, the replies a rep has to read, and the indexes that
          // match a message to the email it answers.
          """
          CREATE TABLE inbox_seen (
            key TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            kind TEXT NOT NULL,
            at ${INT64} NOT NULL
          );
          CREATE TABLE inbox_folders (
            mailbox TEXT PRIMARY KEY,
            uidvalidity ${INT64} NOT NULL,
            last_uid ${INT64} NOT NULL
          );
          CREATE TABLE soft_bounces (
            address TEXT PRIMARY KEY,
            in_a_row ${INT64} NOT NULL,
            last_at ${INT64} NOT NULL
          );
          CREATE TABLE inbox_tasks (
            id ${ID},
            enrollment_id ${INT64} NOT NULL REFERENCES enrollments(id),
            step TEXT NOT NULL,
            what TEXT NOT NULL,
            due ${INT64} NOT NULL,
            done_at ${INT64}
          );
          CREATE INDEX inbox_tasks_open ON inbox_tasks (enrollment_id) WHERE done_at IS NULL;
          CREATE INDEX sends_message_id ON sends (message_id);
          CREATE INDEX sends_recipient ON sends (lower(recipient));
          """,
          // 3: the rows of outcome files already recorded (by content and occurrence), so that
          // importing a file again, whole or after an interrupted import, records nothing twice.
          """
          CREATE TABLE imported_rows (
            key TEXT PRIMARY KEY,
            at ${INT64} NOT NULL
          );
          """);

  private Migrations() {}

  static int latest() {
    return STEPS.size();
  }

  /**
   * Brings the schema to the latest version inside one write transaction; {@code version} is what
   * the store said before the lock was taken, re-read under it (two first runs must not both
   * migrate).
   */
  static void apply(Connection c, Dialect dialect, int version) throws SQLException {
    if (version > latest()) {
      throw new StoreException(
          StoreException.Kind.NEWER,
          dialect.name()
              + " was written by a newer cadence (schema version "
              + version
              + ", this one knows up to "
              + latest()
              + "); upgrade cadence to use it");
    }
    if (version == latest()) {
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute(dialect.beginWrite());
      try {
        for (int v = currentVersion(s); v < latest(); v++) {
          for (String sql : dialect.ddl(STEPS.get(v)).split(";\\s*\n")) {
            if (!sql.isBlank()) {
              s.execute(sql);
            }
          }
          s.execute("UPDATE schema_version SET version = " + (v + 1));
        }
        dialect.markSchema(c);
        s.execute("COMMIT");
      } catch (SQLException | RuntimeException e) {
        s.execute("ROLLBACK");
        throw e;
      }
    }
  }

  /** The schema version, 0 when the store has no schema yet. */
  static int currentVersion(Statement s) throws SQLException {
    try (ResultSet tables =
        s.getConnection().getMetaData().getTables(null, null, "schema_version", null)) {
      if (!tables.next()) {
        return 0;
      }
    }
    try (ResultSet r = s.executeQuery("SELECT max(version) FROM schema_version")) {
      return r.next() ? r.getInt(1) : 0;
    }
  }
}
