package dev.cadence.cli;

/** A failure that carries the exit code it maps to; its message is the one line users see. */
public class CadenceException extends RuntimeException {
  private final int exitCode;

  public CadenceException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public CadenceException(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
