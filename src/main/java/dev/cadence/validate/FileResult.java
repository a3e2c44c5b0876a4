package dev.cadence.validate;

import java.util.List;
import java.util.Optional;

/** The diagnostics of one file, sorted, with the id of the cadence it defines when known. */
public record FileResult(String path, Optional<String> cadence, List<Diagnostic> diagnostics) {
  public FileResult {
    diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
  }

  public long count(Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }
}
