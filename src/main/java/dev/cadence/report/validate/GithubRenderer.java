package dev.cadence.report.validate;

import dev.cadence.validate.Diagnostic;
import dev.cadence.validate.FileResult;
import dev.cadence.validate.ValidationResult;
import java.io.PrintWriter;

/** GitHub Actions workflow commands: {@code ::error file=F,line=L,col=C,title=T::message}. */
final class GithubRenderer implements ValidationRenderer {
  @Override
  public void render(ValidationResult result, PrintWriter out) {
    for (FileResult file : result.files()) {
      for (Diagnostic d : file.diagnostics()) {
        // Under --strict a warning fails the run, so it is annotated as the error it now is (as in
        // SARIF and JUnit).
        String level = result.strict() ? "error" : d.severity().label();
        StringBuilder line =
            new StringBuilder("::").append(level).append(" file=").append(property(d.file()));
        if (d.line() > 0) {
          line.append(",line=").append(d.line()).append(",col=").append(d.column());
        }
        line.append(",title=").append(property("cadence " + d.code().id()));
        out.println(line.append("::").append(data(d.message())));
      }
    }
    out.flush();
  }

  /** Escaping of the message part, as GitHub's toolkit does it. */
  static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** Escaping of a property value: also ':' and ','. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
