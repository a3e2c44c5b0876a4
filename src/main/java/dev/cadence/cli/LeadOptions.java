package dev.cadence.cli;

import dev.cadence.io.csv.LeadFileException;
import dev.cadence.io.csv.LeadMapping;
import dev.cadence.io.csv.LeadReadSummary;
import dev.cadence.io.csv.LeadReader;
import dev.cadence.io.csv.RejectedRow;
import dev.cadence.io.csv.RejectsWriter;
import dev.cadence.model.Lead;
import dev.cadence.validate.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The lead-list options of plan, simulate and enroll, and reading the list with its rejects. */
final class LeadOptions {
  @Option(
      names = "--leads",
      required = true,
      paramLabel = "LEADS.csv",
      description = "The lead list (CSV with a header row).")
  Path leads;

  @Option(
      names = "--map",
      paramLabel = "field=Column",
      description =
          "Read a field from a differently named column, e.g. --map email=E-mail (repeatable).")
  List<String> map = new ArrayList<>();

  @Option(
      names = "--rejects",
      paramLabel = "PATH",
      converter = OutputFile.class,
      description =
          "Where to write rejected rows (default: LEADS with .rejects.csv, only when rows are rejected).")
  Path rejects;

  @Option(names = "--strict", description = "Exit 1 if any row is rejected.")
  boolean strict;

  /** What reading the list gave. */
  record Outcome(LeadReadSummary summary, Path rejectsFile, boolean strict, PrintWriter err) {
    int exitCode(boolean quiet) {
      if (summary.rejected() > 0 && !quiet) {
        err.println(
            summary.rejected()
                + " of "
                + summary.rows()
                + " rows rejected; written to "
                + rejectsFile);
        err.flush();
      }
      return strict && summary.rejected() > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
  }

  /**
   * Checks the file, its header and the --map before any output is written, so that a bad list
   * never leaves an empty-but-complete-looking document behind.
   */
  void checkHeader() {
    Reachable.check(leads);
    if (!Files.isRegularFile(leads)) {
      throw new CadenceException(ExitCodes.USAGE, "no such lead file: " + leads);
    }
    try (LeadReader reader = LeadReader.open(leads, LeadMapping.parse(map))) {
      reader.header();
    } catch (LeadFileException e) {
      throw new CadenceException(e.exitCode(), e.getMessage(), e);
    }
  }

  /**
   * Streams the good leads to {@code sink}; bad rows go to stderr (file:line: reason) and the
   * rejects CSV.
   */
  Outcome read(CommandSpec spec, Consumer<Lead> sink) {
    Reachable.check(leads);
    if (!Files.isRegularFile(leads)) {
      throw new CadenceException(ExitCodes.USAGE, "no such lead file: " + leads);
    }
    PrintWriter err = spec.commandLine().getErr();
    List<RejectedRow> rejected = new ArrayList<>();
    LeadReadSummary summary;
    try {
      summary =
          LeadReader.stream(
              leads,
              LeadMapping.parse(map),
              sink,
              row -> {
                rejected.add(row);
                // One line per row, whatever the row holds (quoted newlines, terminal escapes).
                err.println(
                    leads + ":" + row.line() + ": rejected: " + Diagnostic.oneLine(row.reason()));
              });
    } catch (LeadFileException e) {
      throw new CadenceException(e.exitCode(), e.getMessage(), e);
    }
    Path target = rejects != null ? rejects : defaultRejectsPath();
    if (!rejected.isEmpty()) {
      RejectsWriter.write(target, summary.header(), rejected);
    }
    err.flush();
    return new Outcome(summary, target, strict, err);
  }

  private Path defaultRejectsPath() {
    String name = leads.getFileName().toString().replaceFirst("\\.csv$", "");
    return leads.resolveSibling(name + ".rejects.csv");
  }
}
