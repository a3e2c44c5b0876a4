package dev.cadence.store;

/**
 * The state store cannot be used; the message says why and what to do. Always a runtime failure
 * (exit 3).
 */
public final class StoreException extends RuntimeException {
  /** Why. */
  public enum Kind {
    /** No store at the path: run, status, record... never create one. */
    MISSING,
    /** Not a cadence store, or damaged: never started afresh. */
    CORRUPT,
    /** Written by a newer cadence (its schema version is unknown here). */
    NEWER,
    /** Any other database or file-system failure. */
    IO
  }

  private final Kind kind;

  public StoreException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public StoreException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
