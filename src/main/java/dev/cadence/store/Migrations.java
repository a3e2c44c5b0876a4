package dev.cadence.store;

import java.util.List;

/**
 * The schema, as numbered steps: a store at version N gets steps N+1.. applied in one transaction.
 * A store whose version is above the last step was written by a newer cadence and is refused.
 */
final class Migrations {
  /** {@code PRAGMA application_id}: marks the file as a cadence store ("CADC"). */
  static final int APPLICATION_ID = 0x43414443;

  static final List<String> STEPS =
      List.of(
          // 1: enrollments, sends, suppression list, outcome events.
          """
      CREATE TABLE schema_version (version INTEGER NOT NULL);
      CREATE TABLE cadences (
        id TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE TABLE enrollments (
        id INTEGER PRIMARY KEY,
        cadence TEXT NOT NULL REFERENCES cadences(id),
        lead_id TEXT NOT NULL,
        lead TEXT NOT NULL,
        state TEXT NOT NULL,
        active INTEGER NOT NULL,
        next_due INTEGER,
        status TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        UNIQUE (cadence, lead_id)
      );
      CREATE INDEX enrollments_next_due ON enrollments (next_due) WHERE next_due IS NOT NULL;
      CREATE INDEX enrollments_lead ON enrollments (lead_id);
      CREATE TABLE sends (
        id INTEGER PRIMARY KEY,
        enrollment_id INTEGER NOT NULL REFERENCES enrollments(id),
        step TEXT NOT NULL,
        visit INTEGER NOT NULL,
        state TEXT NOT NULL,
        due_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt INTEGER,
        sender TEXT NOT NULL DEFAULT '',
        recipient TEXT NOT NULL DEFAULT '',
        message_id TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '',
        started_at INTEGER,
        finished_at INTEGER,
        updated_at INTEGER NOT NULL,
        UNIQUE (enrollment_id, step, visit)
      );
      CREATE INDEX sends_state ON sends (state);
      CREATE INDEX sends_sender_started ON sends (sender, started_at);
      CREATE TABLE suppressions (
        kind TEXT NOT NULL,
        value TEXT NOT NULL,
        reason TEXT NOT NULL,
        at INTEGER NOT NULL,
        PRIMARY KEY (kind, value)
      );
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
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
      """);

  static int latest() {
    return STEPS.size();
  }

  private Migrations() {}
}
