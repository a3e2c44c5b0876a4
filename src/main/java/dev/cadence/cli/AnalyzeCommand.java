package dev.cadence.cli;

import dev.cadence.analytics.Analysis;
import dev.cadence.analytics.DataQuality;
import dev.cadence.analytics.ReportTable;
import dev.cadence.analytics.Rollups;
import dev.cadence.analytics.TouchCube;
import dev.cadence.analytics.recommend.Recommender;
import dev.cadence.io.log.AtomicOutput;
import dev.cadence.io.log.OutcomeLogReader;
import dev.cadence.report.analyze.AnalyzeFormat;
import dev.cadence.validate.Diagnostic;
import dev.cadence.validate.DidYouMean;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cadence analyze LOG...}: the contract's outcome metrics (section 5), the step funnel and
 * the data-quality findings of one or more outcome logs, read as one.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  # the sample log: tables, with a bar per rate on a terminal",
      "  cadence analyze samples/outcome-log.csv",
      "  cadence analyze samples/outcome-log.csv --format html --out report.html",
      "  # a compressed log, one cadence, as JSON",
      "  cadence analyze <(zcat log.csv.gz) --where cadence=first-touch --format json",
    },
    description = {
      "Open rates by region and template, response rates by gap and by position and channel, the step"
          + " funnel, each rate with its 95%% Wilson interval; and what in the logs could not be counted.",
      "Several logs are read as one. Definitions: docs/analytics.md."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:analysed (data-quality findings are reported, not fatal)",
      "1:a log could not be used (no header, a required column missing), no events at all, or findings"
          + " under --strict",
      "2:usage error (bad option, a log that does not exist)",
      "3:a log could not be read, or --out could not be written"
    })
final class AnalyzeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Mixin LogInputs inputs;

  @Mixin TestOptions tests;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, json, csv, markdown or html (default: ${DEFAULT-VALUE}).")
  AnalyzeFormat format;

  @Option(
      names = "--table",
      paramLabel = "NAME",
      description =
          "Only this table (required for csv): open_rate_by_region, open_rate_by_region_template,"
              + " response_rate_by_gap, response_rate_by_position_channel, funnel, cube.")
  String table;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      converter = OutputFile.class,
      description = "Write the report to FILE (replaced whole) instead of stdout.")
  Path out;

  @Option(
      names = "--strict",
      description = "Exit 1 if any line of the logs was not counted (a data-quality finding).")
  boolean strict;

  @Option(
      names = "--timings",
      hidden = true,
      description = "Print the time of each phase on stderr.")
  boolean timings;

  @Override
  public Integer call() {
    inputs.check(spec);
    Recommender.Settings settings = tests.settings();
    checkArguments();
    // Tablesaw's first table scans the class path (docs/benchmarks.md, analyze): let that overlap
    // the scan of the logs.
    Rollups.warmUpInBackground();

    PrintWriter err = spec.commandLine().getErr();
    long t0 = System.nanoTime();
    OutcomeLogReader.Result read =
        inputs.read(Progress.of(output.quiet, err, inputs.bytes(), Progress.Unit.BYTES));
    long t1 = System.nanoTime();
    List<String> problems = new ArrayList<>();
    boolean ioProblem = false;
    for (OutcomeLogReader.FileProblem p : read.problems()) {
      problems.add(p.message());
      ioProblem |= p.io();
      err.println(error(p.io() ? p.source() + ": " + p.message() : p.message()));
    }
    TouchCube cube = TouchCube.build(read.events(), inputs.threads);
    if (inputs.filtered()) {
      cube = cube.filter(inputs.filter());
    }
    long t2 = System.nanoTime();
    List<Analysis.FileSummary> files =
        read.files().stream()
            .map(f -> new Analysis.FileSummary(f.source(), f.records(), f.events()))
            .toList();
    Analysis analysis =
        Analysis.of(
            cube, read.quality(), read.events().sources(), files, problems, inputs.where, settings);
    long t3 = System.nanoTime();
    reportFindings(analysis, err);
    List<ReportTable> tables =
        table == null ? AnalyzeFormat.defaultTables(analysis) : List.of(analysis.table(table));
    write(analysis, tables);
    if (timings) {
      err.printf(
          Locale.ROOT,
          "timings: read %.0f ms, cube %.0f ms, roll-ups %.0f ms, report %.0f ms%n",
          (t1 - t0) / 1e6,
          (t2 - t1) / 1e6,
          (t3 - t2) / 1e6,
          (System.nanoTime() - t3) / 1e6);
      err.flush();
    }

    if (ioProblem) {
      return ExitCodes.RUNTIME;
    }
    if (!problems.isEmpty()) {
      return ExitCodes.FINDINGS;
    }
    if (read.events().size() == 0) {
      err.println(error("no events to analyse in " + inputs.names() + LogInputs.whyNoEvents(read)));
      err.flush();
      return ExitCodes.FINDINGS;
    }
    if (strict && analysis.summary().skipped() > 0) {
      return ExitCodes.FINDINGS;
    }
    return ExitCodes.OK;
  }

  private void write(Analysis analysis, List<ReportTable> tables) {
    boolean bars = out == null && OutputOptions.color();
    if (out == null) {
      format.render(analysis, tables, bars, spec.commandLine().getOut());
      return;
    }
    StringWriter text = new StringWriter();
    format.render(analysis, tables, false, new PrintWriter(text));
    try (AtomicOutput file = AtomicOutput.open(out)) {
      file.write(text.toString().getBytes(StandardCharsets.UTF_8));
      file.commit();
    } catch (IOException e) {
      throw new CadenceException(
          ExitCodes.RUNTIME, "cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  /** One line per kind of finding on stderr, with its first place and its count. */
  private void reportFindings(Analysis analysis, PrintWriter err) {
    for (DataQuality.Finding f : analysis.findings()) {
      String where =
          f.examples().isEmpty()
              ? ""
              : f.examples().get(0).source() + ":" + f.examples().get(0).line() + ": ";
      String detail =
          f.examples().isEmpty() ? f.issue().description() : f.examples().get(0).detail();
      String more =
          f.count() == 1
              ? " (1 line " + f.issue().effect().text() + ")"
              : String.format(
                  Locale.ROOT,
                  " (%,d lines %s; see the data-quality section)",
                  f.count(),
                  f.issue().effect().text());
      err.println(
          Diagnostic.oneLine(where + "warning[" + f.issue().code() + "]: " + detail + more));
    }
    err.flush();
  }

  /** Usage errors, all before any work. */
  private void checkArguments() {
    if (table != null && !Rollups.TABLES.contains(table)) {
      throw new CadenceException(
          ExitCodes.USAGE,
          "--table " + table + ": no such table" + DidYouMean.hint(table, Rollups.TABLES));
    }
    if (format == AnalyzeFormat.CSV && table == null) {
      throw new CadenceException(
          ExitCodes.USAGE,
          "--format csv writes one table: choose it with --table (one of "
              + String.join(", ", Rollups.TABLES)
              + ")");
    }
    if (out != null) {
      for (Path log : inputs.logs) {
        if (SimulationInputs.sameFile(out, log)) {
          throw new CadenceException(
              ExitCodes.USAGE, out + " is an input of this run; write the report elsewhere");
        }
      }
    }
  }

  private String error(String message) {
    return spec.commandLine()
        .getColorScheme()
        .errorText("error: " + Diagnostic.oneLine(message))
        .toString();
  }
}
