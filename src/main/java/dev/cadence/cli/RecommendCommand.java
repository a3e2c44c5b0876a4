package dev.cadence.cli;

import dev.cadence.analytics.Issue;
import dev.cadence.analytics.TouchCell;
import dev.cadence.analytics.TouchCube;
import dev.cadence.analytics.recommend.Recommender;
import dev.cadence.io.CadenceChanges;
import dev.cadence.io.CadenceFileWriter;
import dev.cadence.io.CadenceWorkspace;
import dev.cadence.io.log.OutcomeLogReader;
import dev.cadence.model.Cadence;
import dev.cadence.report.Count;
import dev.cadence.report.recommend.RecommendFormat;
import dev.cadence.report.recommend.RecommendReport;
import dev.cadence.validate.Diagnostic;
import dev.cadence.validate.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cadence recommend LOG... [--cadence FILE...] [--apply | --dry-run]}: what the outcomes say
 * to change, each with its evidence; with the cadence files, where to change it, and the change.
 */
@Command(
    name = "recommend",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  # what the sample log says to change",
      "  cadence recommend samples/outcome-log.csv",
      "  # the change to the cadence file as a diff, then written",
      "  cadence recommend samples/outcome-log.csv \\",
      "      --cadence cadences/outbound-lead-qualification.yaml --dry-run",
      "  cadence recommend log.csv --cadence cadence.yaml --apply"
    },
    description = {
      "Recommendations from outcome logs, each with its evidence (rates, 95%% Wilson intervals, touches,"
          + " one-sided two-proportion z-test): swap a step's channel at its position, the best gap before a step,"
          + " the best template per region, steps that never get a response; and where evidence is short, how many"
          + " more touches a test needs.",
      "With --cadence, names the file and line to change; --dry-run shows the change as a unified diff, --apply"
          + " writes it (only the lines concerned; every change must leave the files valid). Docs: docs/recommend.md."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done (with or without recommendations)",
      "1:a cadence file does not validate, a log could not be used or has no events, or (--apply, --dry-run) a"
          + " change was refused",
      "2:usage error (bad option, a file that does not exist)",
      "3:a log could not be read, or a cadence file could not be written"
    })
final class RecommendCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin OutputOptions output;

  @Mixin LogInputs inputs;

  @Mixin TestOptions tests;

  @Option(
      names = "--cadence",
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "The cadence files the logs come from: recommendations then name the file and line to change.")
  List<Path> cadences = new ArrayList<>();

  /** --apply and --dry-run exclude each other: picocli says so in its own words. */
  static final class Changes {
    @Option(
        names = "--apply",
        required = true,
        description = "Write the changes into the --cadence files (atomically).")
    boolean apply;

    @Option(
        names = "--dry-run",
        required = true,
        description = "Show the changes as a unified diff; write nothing.")
    boolean dryRun;
  }

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Changes changes;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
  RecommendFormat format;

  @Override
  public Integer call() {
    inputs.check(spec);
    Recommender.Settings settings = tests.settings();
    checkArguments();
    PrintWriter err = spec.commandLine().getErr();
    List<Cadence> models = List.of();
    if (!cadences.isEmpty()) {
      CadenceWorkspace.Prepared prepared = CadenceWorkspace.prepare(cadences);
      int refused = refuseInvalid(prepared, err);
      if (refused != ExitCodes.OK) {
        return refused;
      }
      models = prepared.cadences();
    }

    OutcomeLogReader.Result read = inputs.read();
    boolean ioProblem = false;
    for (OutcomeLogReader.FileProblem p : read.problems()) {
      ioProblem |= p.io();
      err.println(error(p.io() ? p.source() + ": " + p.message() : p.message()));
    }
    if (ioProblem) {
      err.flush();
      return ExitCodes.RUNTIME;
    }
    if (!read.problems().isEmpty()) {
      err.flush();
      return ExitCodes.FINDINGS;
    }
    if (read.events().size() == 0) {
      err.println(error("no events in " + inputs.names() + LogInputs.whyNoEvents(read)));
      err.flush();
      return ExitCodes.FINDINGS;
    }
    TouchCube cube = TouchCube.build(read.events(), inputs.threads);
    long uncounted = 0;
    for (Issue issue : Issue.values()) {
      if (issue.effect() == Issue.Effect.SKIPPED) {
        uncounted += read.quality().total(issue) + cube.quality().total(issue);
      }
    }
    if (uncounted > 0 && !output.quiet) {
      err.println(
          String.format(
              Locale.ROOT,
              "warning: %,d line%s of the logs could not be counted; `cadence analyze` lists them",
              uncounted,
              uncounted == 1 ? "" : "s"));
    }
    if (inputs.filtered()) {
      cube = cube.filter(inputs.filter());
    }
    long touches = cube.cells().stream().mapToLong(TouchCell::touches).sum();
    Recommender.Result result = Recommender.recommend(cube.cells(), models, settings);

    Optional<CadenceChanges.Plan> plan = Optional.empty();
    if (!cadences.isEmpty()) {
      try {
        plan = Optional.of(CadenceChanges.plan(result.items(), cadences, models));
      } catch (IOException e) {
        throw new CadenceException(
            ExitCodes.RUNTIME, "cannot read a cadence file: " + SimulationInputs.reason(e), e);
      }
    }
    RecommendReport.Mode mode =
        changes == null
            ? RecommendReport.Mode.REPORT
            : changes.apply ? RecommendReport.Mode.APPLY : RecommendReport.Mode.DRY_RUN;
    if (mode == RecommendReport.Mode.APPLY) {
      write(plan.orElseThrow());
    }
    RecommendReport report =
        new RecommendReport(
            inputs.logs.stream().map(Path::toString).toList(), touches, result, plan, mode);
    format.render(report, spec.commandLine().getOut());
    for (CadenceChanges.Refusal r : report.refusals()) {
      err.println(
          "warning: "
              + r.at().map(l -> l + ": ").orElse("")
              + r.recommendation().type()
              + " "
              + r.recommendation().step()
              + " not changed: "
              + Diagnostic.oneLine(r.reason()));
    }
    err.flush();
    return mode != RecommendReport.Mode.REPORT && !report.refusals().isEmpty()
        ? ExitCodes.FINDINGS
        : ExitCodes.OK;
  }

  /** The changed files replaced whole, as CadenceFileWriter says; none if one cannot be. */
  private void write(CadenceChanges.Plan plan) {
    Map<Path, byte[]> texts = new LinkedHashMap<>();
    for (CadenceChanges.FileEdit edit : plan.changedFiles()) {
      texts.put(edit.file(), edit.after().getBytes(StandardCharsets.UTF_8));
    }
    try {
      CadenceFileWriter.replaceAll(texts);
    } catch (CadenceFileWriter.Refused e) {
      throw new CadenceException(ExitCodes.RUNTIME, "nothing written: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new CadenceException(
          ExitCodes.RUNTIME, "cannot write a cadence file: " + SimulationInputs.reason(e), e);
    }
  }

  private int refuseInvalid(CadenceWorkspace.Prepared prepared, PrintWriter err) {
    long errors = prepared.result().count(Severity.ERROR);
    if (errors == 0) {
      return ExitCodes.OK;
    }
    prepared
        .result()
        .files()
        .forEach(
            f ->
                f.diagnostics().stream()
                    .filter(Diagnostic::isError)
                    .forEach(
                        d ->
                            err.println(
                                d.file()
                                    + ":"
                                    + d.line()
                                    + ":"
                                    + d.column()
                                    + ": error["
                                    + d.code().id()
                                    + "]: "
                                    + d.message())));
    err.println(
        error(
            Count.of(errors, "error")
                + " in the --cadence files (see `cadence validate`);"
                + " fix them first: a change must be checked against a valid cadence"));
    err.flush();
    return prepared.result().hasIoErrors() ? ExitCodes.RUNTIME : ExitCodes.FINDINGS;
  }

  /** Usage errors, all before any work. */
  private void checkArguments() {
    for (Path c : cadences) {
      Reachable.check(c);
      if (!Files.isRegularFile(c)) {
        throw new CadenceException(
            ExitCodes.USAGE,
            (Files.isDirectory(c) ? "not a cadence file (a folder): " : "no such cadence file: ")
                + c);
      }
    }
    if (changes != null && cadences.isEmpty()) {
      throw new CadenceException(
          ExitCodes.USAGE,
          (changes.apply ? "--apply" : "--dry-run")
              + " changes cadence files: name them with --cadence FILE...");
    }
  }

  private String error(String message) {
    return spec.commandLine()
        .getColorScheme()
        .errorText("error: " + Diagnostic.oneLine(message))
        .toString();
  }
}
