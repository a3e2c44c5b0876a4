package dev.cadence.cli;

/** The contract's exit codes. */
public final class ExitCodes {
  public static final int OK = 0;

  /** The input has findings: an invalid cadence, rejected rows under --strict. */
  public static final int FINDINGS = 1;

  /** Bad flag, missing argument, a path that names nothing. */
  public static final int USAGE = 2;

  /** I/O, database, SMTP unreachable. */
  public static final int RUNTIME = 3;

  private ExitCodes() {}
}
