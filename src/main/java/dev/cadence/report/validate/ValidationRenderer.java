package dev.cadence.report.validate;

import dev.cadence.validate.ValidationResult;
import java.io.PrintWriter;

/** Writes a validation result in one output format. */
public interface ValidationRenderer {
  void render(ValidationResult result, PrintWriter out);
}
