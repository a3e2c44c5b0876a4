package dev.cadence.store;

/**
 * A row that no version of cadence could have written (an unknown send state, an enrollment that
 * does not decode): thrown by a row mapper with the row named, turned by {@link StatementCache}
 * into the dialect's "the store is damaged" refusal.
 */
final class DamagedRow extends RuntimeException {
  DamagedRow(String row) {
    super(row);
  }
}
