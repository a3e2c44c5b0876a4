package dev.cadence.cli;

import dev.cadence.io.CadenceWorkspace;
import dev.cadence.io.log.AtomicOutput;
import dev.cadence.io.log.LogEncoder;
import dev.cadence.io.log.OutcomeLog;
import dev.cadence.report.Count;
import dev.cadence.report.simulate.SimulationReport;
import dev.cadence.report.simulate.SummaryFormat;
import dev.cadence.simulate.LeadSimulator;
import dev.cadence.simulate.Simulation;
import dev.cadence.simulate.SimulationStats;
import dev.cadence.simulate.Start;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cadence simulate CADENCE... --leads LEADS.csv --out LOG.csv}: the demo environment. Plays
 * every lead through the engine against a response model and writes the outcome log.
 */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  # rehearse a sample cadence with the built-in response model",
      "  cadence simulate cadences/outbound-lead-qualification.yaml \\",
      "      --leads samples/leads-small.csv --start 2026-03-02 --out log.csv",
      "  # your own model and seed; the second cadence takes the handoffs",
      "  cadence simulate staged.yaml recontact.yaml --leads leads.csv \\",
      "      --model model.yaml --seed 7 --format json --out log.csv"
    },
    description = {
      "Play every lead through the cadence (the first one given; the others are handoff targets) against a"
          + " response model, and write the outcome log (CSV) that `analyze` reads.",
      "Same seed, same inputs: the same log, byte for byte."
    })
final class SimulateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand CadenceCommand parent;

  @Mixin OutputOptions output;

  @Mixin NowOption now;

  @Parameters(
      arity = "1..*",
      paramLabel = "CADENCE",
      description =
          "Cadence files: leads are enrolled in the first; a handoff to another enrolls them there.")
  List<Path> cadences;

  @Mixin LeadOptions leads;

  @Option(
      names = "--out",
      required = true,
      converter = OutputFile.class,
      paramLabel = "LOG.csv",
      description = "The outcome log to write (replaced; written in full or not at all).")
  Path out;

  @Option(
      names = "--model",
      paramLabel = "MODEL.yaml",
      description =
          "The response model (default: the built-in one, see samples/response-model.yaml).")
  Path model;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "N",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin StartOption start;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "Summary format: text, json (default: text).")
  SummaryFormat format;

  @Option(
      names = "--max-touches",
      defaultValue = "200",
      paramLabel = "N",
      description =
          "Stop a lead after N touches, for cadences that loop (default: ${DEFAULT-VALUE}).")
  int maxTouches;

  @Option(
      names = "--threads",
      defaultValue = "2",
      hidden = true,
      description = "Worker threads (default: ${DEFAULT-VALUE}).")
  int threads;

  static final int CHUNK = 2_000;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    LocalDate startDay = start.day().orElse(null);
    checkArguments();
    SimulationInputs.Model responses = SimulationInputs.model(model);
    if (!responses.problems().isEmpty()) {
      responses.problems().forEach(err::println);
      err.println(
          error(
              "the response model "
                  + model
                  + " has "
                  + responses.problems().size()
                  + " problem"
                  + (responses.problems().size() == 1 ? "" : "s")
                  + "; nothing simulated"));
      err.flush();
      return ExitCodes.FINDINGS;
    }
    CadenceWorkspace.Prepared prepared = CadenceWorkspace.prepare(cadences);
    int refused =
        SimulationInputs.refuseInvalid(prepared, err, spec.commandLine().getColorScheme());
    if (refused != ExitCodes.OK) {
      return refused;
    }
    // The log is to the second: so is the start.
    Start startAt =
        startDay != null
            ? new Start.OnDate(startDay)
            : new Start.At(now.resolve(parent.clock()).truncatedTo(ChronoUnit.SECONDS));
    LeadSimulator simulator =
        new LeadSimulator(prepared.cadences(), responses.model(), seed, startAt, maxTouches);
    Run run;
    try {
      run = simulate(simulator, err);
    } catch (IOException | UncheckedIOException e) {
      IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      throw new CadenceException(
          ExitCodes.RUNTIME, "cannot write " + out + ": " + SimulationInputs.reason(cause), e);
    }
    long rejected = run.read().summary().rejected();
    int code = run.read().exitCode(output.quiet);
    if (code != ExitCodes.OK) { // --strict and rows rejected: the log was not written
      err.println(
          error(
              Count.of(rejected, "lead row")
                  + (rejected == 1 ? " was" : " were")
                  + " rejected (--strict); "
                  + out
                  + " not written"));
      err.flush();
      return code;
    }
    SimulationReport report =
        new SimulationReport(
            prepared.cadences(),
            run.stats(),
            seed,
            model == null ? "default" : model.toString(),
            startDay != null ? startDay.toString() : startAt.in(ZoneOffset.UTC).toString(),
            out.toString(),
            rejected);
    if (!output.quiet) {
      format.render(report, spec.commandLine().getOut());
    }
    return ExitCodes.OK;
  }

  private record Run(SimulationStats stats, LeadOptions.Outcome read) {}

  /**
   * Streams the leads through the simulator into the log; commits the log unless --strict fails.
   */
  private Run simulate(LeadSimulator simulator, PrintWriter err) throws IOException {
    Progress progress = Progress.forLeads(leads.file(spec), output.quiet, err);
    try (AtomicOutput log = AtomicOutput.open(out);
        Simulation simulation =
            new Simulation(
                simulator,
                LogEncoder.recycling(),
                log::write,
                Math.max(1, threads),
                CHUNK,
                progress::update)) {
      log.write((OutcomeLog.HEADER + "\n").getBytes(StandardCharsets.UTF_8));
      LeadOptions.Outcome read;
      try {
        read = leads.read(spec, simulation, progress);
      } finally {
        progress.done();
      }
      SimulationStats stats = simulation.finish();
      progress.done();
      if (!(read.strict() && read.summary().rejected() > 0)) {
        log.commit();
      }
      return new Run(stats, read);
    } finally {
      progress.done();
      err.flush();
    }
  }

  /**
   * Usage errors first, all before any work: missing inputs, an output that would overwrite one.
   */
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
    if (model != null) {
      Reachable.check(model);
    }
    if (model != null && !Files.isRegularFile(model)) {
      throw new CadenceException(ExitCodes.USAGE, "no such response model: " + model);
    }
    leads.check(spec);
    if (maxTouches < 1) {
      throw new CadenceException(
          ExitCodes.USAGE, "--max-touches must be at least 1, not " + maxTouches);
    }
    for (Path target : leads.rejects == null ? List.of(out) : List.of(out, leads.rejects)) {
      List<Path> inputs = new ArrayList<>(cadences);
      inputs.add(leads.leads);
      if (model != null) {
        inputs.add(model);
      }
      for (Path input : inputs) {
        if (SimulationInputs.sameFile(target, input)) {
          throw new CadenceException(
              ExitCodes.USAGE, target + " is an input of this run; write the log elsewhere");
        }
      }
    }
  }

  private String error(String message) {
    return spec.commandLine().getColorScheme().errorText("error: " + message).toString();
  }
}
