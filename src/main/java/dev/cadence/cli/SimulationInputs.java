package dev.cadence.cli;

import dev.cadence.io.CadenceWorkspace;
import dev.cadence.io.yaml.ResponseModelReader;
import dev.cadence.report.Count;
import dev.cadence.simulate.ResponseModel;
import dev.cadence.validate.Diagnostic;
import dev.cadence.validate.FileResult;
import dev.cadence.validate.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Help.ColorScheme;

/** Loading what {@code simulate} needs, with the contract's exit code for each way it can fail. */
final class SimulationInputs {
  static final String DEFAULT_MODEL = "/dev/cadence/simulate/default-response-model.yaml";

  /** The model, or the problems to print ({@code file:line:col: error: message}). */
  record Model(ResponseModel model, List<String> problems) {}

  private SimulationInputs() {}

  static Model model(Path path) {
    byte[] bytes;
    String label = path == null ? "(built-in model)" : path.toString();
    try {
      bytes = path == null ? defaultModel() : Files.readAllBytes(path);
    } catch (IOException e) {
      throw new CadenceException(ExitCodes.RUNTIME, "cannot read " + label + ": " + reason(e), e);
    }
    ResponseModelReader.Read read = ResponseModelReader.read(bytes);
    List<String> problems =
        read.problems().stream()
            .map(
                p ->
                    label
                        + ":"
                        + p.pos().line()
                        + ":"
                        + p.pos().column()
                        + ": error: "
                        + p.message())
            .toList();
    return new Model(read.model().orElse(null), problems);
  }

  private static byte[] defaultModel() throws IOException {
    try (InputStream in = SimulationInputs.class.getResourceAsStream(DEFAULT_MODEL)) {
      if (in == null) {
        throw new CadenceException(
            ExitCodes.RUNTIME,
            "the built-in response model is missing from this build; rebuild with `mvn package`");
      }
      return in.readAllBytes();
    }
  }

  /**
   * Prints the errors of cadences that do not validate and returns their exit code (1 findings, 3
   * unreadable), or 0 when every cadence is ready to run.
   */
  static int refuseInvalid(
      CadenceWorkspace.Prepared prepared, PrintWriter err, ColorScheme colors) {
    long errors = prepared.result().count(Severity.ERROR);
    if (errors == 0) {
      return ExitCodes.OK;
    }
    for (FileResult file : prepared.result().files()) {
      for (Diagnostic d : file.diagnostics()) {
        if (d.isError()) {
          err.println(
              d.file()
                  + ":"
                  + d.line()
                  + ":"
                  + d.column()
                  + ": error["
                  + d.code().id()
                  + "]: "
                  + d.message());
        }
      }
    }
    err.println(
        colors.errorText(
            "error: "
                + Count.of(errors, "error")
                + " in the cadence files (see `cadence validate`); nothing simulated"));
    err.flush();
    return prepared.result().hasIoErrors() ? ExitCodes.RUNTIME : ExitCodes.FINDINGS;
  }

  /** True if {@code a} and {@code b} name the same existing file. */
  static boolean sameFile(Path a, Path b) {
    try {
      return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
    } catch (IOException e) {
      return false;
    }
  }

  /** Why an I/O operation failed, in a user's words. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or folder";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return String.valueOf(e.getMessage());
  }
}
