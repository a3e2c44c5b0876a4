package dev.cadence.cli;

import dev.cadence.io.InputFile;
import dev.cadence.io.csv.LeadFileException;
import dev.cadence.io.csv.RejectedRow;
import dev.cadence.io.csv.RejectsWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the rejected rows of a lead list go. Not beside the list (a shared folder, the samples of a
 * checkout, a read-only mount): in the current folder, where a command's other outputs go, as
 * {@code LEADS.rejects.csv}. A folder that cannot be written never fails the command, since the
 * rows are also on stderr: they go to the temporary folder instead, and the summary line says
 * where. {@code --rejects PATH} chooses the file; failing to write that one is an error.
 */
final class Rejects {
  private Rejects() {}

  /** {@code leads.rejects.csv} for {@code samples/leads.csv}; {@code leads} for stdin or a pipe. */
  static String defaultName(Path leads) {
    String name =
        InputFile.isStdin(leads) || InputFile.isPipe(leads) || leads.getFileName() == null
            ? "leads"
            : leads.getFileName().toString().replaceFirst("(?i)\\.csv$", "");
    return name + ".rejects.csv";
  }

  /** Writes the file the user chose; returns its name. */
  static String write(Path target, List<String> header, List<RejectedRow> rows) {
    try {
      RejectsWriter.write(target, header, rows);
      return target.toString();
    } catch (LeadFileException e) {
      throw new CadenceException(ExitCodes.RUNTIME, e.getMessage(), e);
    }
  }

  /**
   * Writes {@code name} in the current folder, else in the temporary folder; returns where it went,
   * or an empty string (with a warning) when neither could be written.
   */
  static String writeSomewhere(
      String name, List<String> header, List<RejectedRow> rows, PrintWriter err) {
    Path here = Path.of(name);
    try {
      RejectsWriter.write(here, header, rows);
      return here.toString();
    } catch (LeadFileException e) {
      Path temp = Path.of(System.getProperty("java.io.tmpdir"), name);
      try {
        RejectsWriter.write(temp, header, rows);
        return temp.toString();
      } catch (LeadFileException again) {
        err.println(
            "warning: the rejected rows could not be written ("
                + e.getMessage()
                + "); they are listed above, or choose a file with --rejects");
        return "";
      }
    }
  }
}
