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

  public void add(Severity severity, Code code, Pos pos, String message) {
    diagnostics.add(new Diagnostic(file, pos.line(), pos.column(), severity, code, message));
  }

  public List<Diagnostic> list() {
    return List.copyOf(diagnostics);
  }

  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
