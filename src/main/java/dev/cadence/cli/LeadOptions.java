package dev.cadence.cli;

import dev.cadence.io.InputFile;
import dev.cadence.io.csv.LeadFileException;
import dev.cadence.io.csv.LeadMapping;
import dev.cadence.io.csv.LeadReadSummary;
import dev.cadence.io.csv.LeadReader;
import dev.cadence.io.csv.RejectedRow;
import dev.cadence.model.Lead;
import dev.cadence.report.Count;
import dev.cadence.validate.Diagnostic;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
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
      description = "The lead list (CSV with a header row); - reads standard input.")
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
          "Where to write rejected rows (default: LEADS.rejects.csv in the current folder, or in the"
              + " temporary folder when that one is read-only; only when rows are rejected).")
  Path rejects;

  @Option(names = "--strict", description = "Exit 1 if any row is rejected.")
  boolean strict;

  /** The list as read: the file itself, or a copy of standard input or a pipe. */
  private InputFile input;

  /** What reading the list gave; {@code rejectsFile} is where the rejected rows went, if any. */
  record Outcome(LeadReadSummary summary, String rejectsFile, boolean strict, PrintWriter err) {
    int exitCode(boolean quiet) {
      if (summary.rejected() > 0 && !quiet) {
        err.println(
            Count.of(summary.rejected())
                + " of "
                + Count.of(summary.rows(), "row")
                + " rejected"
                + (rejectsFile.isEmpty() ? "" : "; written to " + rejectsFile));
        err.flush();
      }
      return strict && summary.rejected() > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
  }

  /**
   * Checks that the list can be read (standard input and pipes are copied first, once), before any
   * work: a usage error for a list that does not exist.
   */
  void check(CommandSpec spec) {
    input(spec);
  }

  /** What is read: the list itself, or its copy (a bar's size estimate reads it). */
  Path file(CommandSpec spec) {
    return input(spec).path();
  }

  private InputFile input(CommandSpec spec) {
    if (input == null) {
      if (!InputFile.isStdin(leads)) {
        Reachable.check(leads);
      }
      try {
        input = InputFile.open(leads, CadenceCommand.stdin(spec));
      } catch (UncheckedIOException e) {
        throw new CadenceException(
            ExitCodes.RUNTIME,
            "cannot read " + leads + ": " + SimulationInputs.reason(e.getCause()),
            e);
      }
      if (!Files.isRegularFile(input.path())) {
        throw new CadenceException(ExitCodes.USAGE, "no such lead file: " + leads);
      }
    }
    return input;
  }

  /**
   * Checks the file, its header and the --map before any output is written, so that a bad list
   * never leaves an empty-but-complete-looking document behind.
   */
  void checkHeader(CommandSpec spec) {
    InputFile in = input(spec);
    try (LeadReader reader = LeadReader.open(in.path(), in.label(), LeadMapping.parse(map))) {
      reader.header();
    } catch (LeadFileException e) {
      throw new CadenceException(e.exitCode(), e.getMessage(), e);
    }
  }

  /**
   * Streams the good leads to {@code sink}; bad rows go to stderr (file:line: reason) and the
   * rejects CSV. The copy of standard input or a pipe is gone afterwards.
   */
  Outcome read(CommandSpec spec, Consumer<Lead> sink) {
    return read(spec, sink, Progress.none(spec.commandLine().getErr()));
  }

  /**
   * As {@link #read(CommandSpec, Consumer)}, with a progress line on stderr that is cleared before
   * each rejected row is listed there (the caller counts what it wants on it).
   */
  Outcome read(CommandSpec spec, Consumer<Lead> sink, Progress progress) {
    InputFile in = input(spec);
    PrintWriter err = spec.commandLine().getErr();
    List<RejectedRow> rejected = new ArrayList<>();
    LeadReadSummary summary;
    try {
      summary =
          LeadReader.stream(
              in.path(),
              in.label(),
              LeadMapping.parse(map),
              sink,
              row -> {
                rejected.add(row);
                progress.done();
                // One line per row, whatever the row holds (quoted newlines, terminal escapes).
                err.println(
                    in.label()
                        + ":"
                        + row.line()
                        + ": rejected: "
                        + Diagnostic.oneLine(row.reason()));
              });
    } catch (LeadFileException e) {
      throw new CadenceException(e.exitCode(), e.getMessage(), e);
    } finally {
      progress.done();
      in.close();
    }
    String written = "";
    if (!rejected.isEmpty()) {
      written =
          rejects != null
              ? Rejects.write(rejects, summary.header(), rejected)
              : Rejects.writeSomewhere(Rejects.defaultName(leads), summary.header(), rejected, err);
    }
    err.flush();
    return new Outcome(summary, written, strict, err);
  }
}
