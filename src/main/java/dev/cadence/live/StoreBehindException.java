package dev.cadence.live;

/**
 * The store knows fewer sends than a tick noted beside it: commits were lost (a deleted {@code
 * -wal} file after a crash, an older copy put back). Working on would send those emails again, so
 * the tick refuses until a person has reconciled the store and says so.
 */
public final class StoreBehindException extends RuntimeException {
  StoreBehindException(long noted, long highest) {
    super(
        "the state store has lost commits: a tick marked send "
            + noted
            + " for sending, but the store's sends stop at "
            + highest
            + " (was its -wal file deleted after a crash, or an older copy put back?); nothing was"
            + " sent, because the lost sends would go out a second time. Reconcile the store with"
            + " the outcome log and the mail server's log (section 'Restoring is not free' of"
            + " docs/operations.md), then run once with --accept-restored-store");
  }
}
