package dev.cadence.report.validate;

import dev.cadence.validate.Code;
import dev.cadence.validate.Diagnostic;
import dev.cadence.validate.FileResult;
import dev.cadence.validate.Severity;
import dev.cadence.validate.ValidationResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;

/** Hand-built validation results whose text is hostile to every output format. */
final class SampleResults {
  /** Characters each format must escape: XML's, GitHub's property and data separators, JSON's. */
  static final String NASTY = "<&>\"' %25 a,b c:d \\ tab\there";

  static final String FAILING = "cadences/fail <&>\".yaml";
  static final String CLEAN = "cadences/clean, ok.yaml";
  static final String WARNED = "cadences/warn%:.yml";
  static final String BROKEN = "cadences/broken.yaml";

  static final Diagnostic UNKNOWN_STEP =
      new Diagnostic(
          FAILING, 7, 15, Severity.ERROR, Code.UNKNOWN_STEP, "unknown step `x<&>\"y` " + NASTY);
  static final Diagnostic UNUSED_EXIT =
      new Diagnostic(
          FAILING, 12, 3, Severity.WARNING, Code.UNUSED_EXIT, "exit `done` is declared but unused");
  static final Diagnostic UNREACHABLE =
      new Diagnostic(
          WARNED,
          9,
          5,
          Severity.WARNING,
          Code.UNREACHABLE_STEP,
          "step `b` cannot be reached: 100% sure, a:b");

  /** A diagnostic with no position, as for a file that is too large. */
  static final Diagnostic TOO_LARGE =
      new Diagnostic(BROKEN, 0, 0, Severity.ERROR, Code.FILE_TOO_LARGE, "file is 52428800 bytes");

  private SampleResults() {}

  static List<FileResult> files() {
    return List.of(
        new FileResult(FAILING, Optional.of("fail"), List.of(UNUSED_EXIT, UNKNOWN_STEP)),
        new FileResult(CLEAN, Optional.of("clean"), List.of()),
        new FileResult(WARNED, Optional.of("warn"), List.of(UNREACHABLE)),
        new FileResult(BROKEN, Optional.empty(), List.of(TOO_LARGE)));
  }

  static ValidationResult mixed(boolean strict) {
    return new ValidationResult(files(), strict);
  }

  static ValidationResult warningsOnly(boolean strict) {
    return new ValidationResult(List.of(files().get(1), files().get(2)), strict);
  }

  static String render(ValidateFormat format, ValidationResult result) {
    return render(format, result, false);
  }

  static String render(ValidateFormat format, ValidationResult result, boolean quiet) {
    StringWriter out = new StringWriter();
    format.renderer(false, quiet).render(result, new PrintWriter(out));
    return out.toString().replace("\r\n", "\n");
  }
}
