package dev.cadence.validate;

import java.util.List;

/**
 * Everything {@code validate} found, per file in path order.
 *
 * @param strict whether warnings fail the run
 */
public record ValidationResult(List<FileResult> files, boolean strict) {
  public ValidationResult {
    files = List.copyOf(files);
  }

  public long count(Severity severity) {
    long n = 0;
    for (FileResult f : files) {
      n += f.count(severity);
    }
    return n;
  }

  /** True when nothing fails: no errors, and no warnings under {@code --strict}. */
  public boolean valid() {
    return count(Severity.ERROR) == 0 && !(strict && count(Severity.WARNING) > 0);
  }

  public boolean passes(FileResult file) {
    return file.count(Severity.ERROR) == 0 && !(strict && file.count(Severity.WARNING) > 0);
  }

  public boolean hasIoErrors() {
    for (FileResult f : files) {
      for (Diagnostic d : f.diagnostics()) {
        if (d.code() == Code.IO_ERROR) {
          return true;
        }
      }
    }
    return false;
  }
}
