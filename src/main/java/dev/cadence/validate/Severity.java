package dev.cadence.validate;

/** How bad a finding is; warnings fail only under {@code --strict}. */
public enum Severity {
  ERROR,
  WARNING;

  public String label() {
    return this == ERROR ? "error" : "warning";
  }
}
