package dev.cadence.io.csv;

/**
 * A lead list that cannot be read at all (as opposed to a bad row, which is rejected and reading
 * goes on). Its message is the one line a user sees; {@link #kind()} tells the command line which
 * exit code the contract gives it.
 */
public final class LeadFileException extends RuntimeException {
  /** Why the read stopped; each kind carries the contract's exit code for it. */
  public enum Kind {
    /** The path names no readable file: a usage error. */
    MISSING_FILE(2),
    /** A {@code --map field=Column} that does not fit the file: a usage error. */
    BAD_MAPPING(2),
    /** Empty, duplicate or missing header columns, or a header that does not decode: a finding. */
    BAD_HEADER(1),
    /** The body is too broken to go on (e.g. quoting errors on every row): a finding. */
    BAD_FILE(1),
    /** Reading failed below the CSV level: a runtime failure. */
    IO(3);

    private final int exitCode;

    Kind(int exitCode) {
      this.exitCode = exitCode;
    }

    public int exitCode() {
      return exitCode;
    }
  }

  private final Kind kind;

  public LeadFileException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public LeadFileException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** The contract's exit code for this failure (1 findings, 2 usage, 3 runtime). */
  public int exitCode() {
    return kind.exitCode();
  }
}
