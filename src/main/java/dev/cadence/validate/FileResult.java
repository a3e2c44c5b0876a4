package dev.cadence.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The diagnostics of one file, sorted, with the id of the cadence it defines when known. */
public record FileResult(String path, Optional<String> cadence, List<Diagnostic> diagnostics) {
  // Loops rather than streams here and in ValidationResult: every validate run goes through them
  // once, and each stream pipeline and lambda is linked at run time at each start.
  public FileResult {
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(Diagnostic.ORDER);
    diagnostics = List.copyOf(sorted);
  }

  public long count(Severity severity) {
    long n = 0;
    for (Diagnostic d : diagnostics) {
      if (d.severity() == severity) {
        n++;
      }
    }
    return n;
  }
}
