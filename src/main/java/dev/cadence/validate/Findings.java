package dev.cadence.validate;

import dev.cadence.model.Pos;
import java.util.ArrayList;
import java.util.List;

/** Collects the diagnostics of one file; checks report here and never stop at the first. */
public final class Findings {
  private final String file;
  private final List<Diagnostic> diagnostics = new ArrayList<>();

  public Findings(String file) {
    this.file = file;
  }

  public String file() {
    return file;
  }

  public void error(Code code, Pos pos, String message) {
    add(Severity.ERROR, code, pos, message);
  }

  public void warning(Code code, Pos pos, String message) {
    add(Severity.WARNING, code, pos, message);
  }

  /**
   * A finding without a position (the file as a whole) is placed at 1:1: lines and columns are
   * 1-based.
   */
  public void add(Severity severity, Code code, Pos pos, String message) {
    Pos at = pos.isKnown() ? pos : new Pos(1, 1);
    diagnostics.add(new Diagnostic(file, at.line(), at.column(), severity, code, message));
  }

  public List<Diagnostic> list() {
    return List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    for (Diagnostic d : diagnostics) {
      if (d.isError()) {
        return true;
      }
    }
    return false;
  }
}
