package dev.cadence.model;

/** A 1-based line and column in a source file; {@link #NONE} for values built in code. */
public record Pos(int line, int column) {
  public static final Pos NONE = new Pos(0, 0);

  public Pos {
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0: " + line + ":" + column);
    }
  }

  public boolean isKnown() {
    return line > 0;
  }
}
