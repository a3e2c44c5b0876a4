package dev.cadence.cli;

import dev.cadence.engine.DefaultPath;
import dev.cadence.engine.Engine;
import dev.cadence.engine.InOrderBatches;
import dev.cadence.io.CadenceWorkspace;
import dev.cadence.model.Cadence;
import dev.cadence.model.Lead;
import dev.cadence.report.plan.PlanFormat;
import dev.cadence.report.plan.PlanWriter;
import dev.cadence.report.validate.ValidateFormat;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cadence plan CADENCE --leads LEADS}: when each lead is touched on the default path. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  # when each sample lead is touched, from a start date",
      "  cadence plan cadences/outbound-lead-qualification.yaml \\",
      "      --leads samples/leads-small.csv --start 2026-12-01",
      "  # a day-by-day agenda, and a calendar file",
      "  cadence plan cadence.yaml --leads leads.csv --by day",
      "  cadence plan cadence.yaml --leads leads.csv --format ics > touches.ics",
      "  # a CRM export whose columns have other names, from standard input",
      "  zcat crm.csv.gz | cadence plan cadence.yaml --leads - --map id=\"Record ID\""
    },
    description = "Show, per lead, which step falls due when (the default path: no responses).")
final class PlanCommand implements Callable<Integer> {
  /** A cadence that loops on its default path stops being planned after this many touches. */
  static final int MAX_TOUCHES = 200;

  /**
   * Leads planned in parallel at a time; the output keeps the lead list's order. Small: the leads,
   * plans and texts in flight are what each young collection copies (2,048 made the calendar of
   * 100,000 leads spend a tenth of its CPU there and grow the heap to 2 GB).
   */
  static final int BATCH = 128;

  @Spec CommandSpec spec;
  @ParentCommand CadenceCommand parent;
  @Mixin OutputOptions output;
  @Mixin NowOption now;
  @Mixin LeadOptions leads;

  @Parameters(index = "0", paramLabel = "CADENCE", description = "The cadence file.")
  Path cadenceFile;

  @Mixin StartOption start;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, json, csv or ics (default: text).")
  PlanFormat format;

  @Option(
      names = "--by",
      defaultValue = "lead",
      paramLabel = "lead|day",
      description = "Text layout: a table per lead (default) or a day-by-day agenda.")
  String by;

  /** A plan and its text, computed together on a worker thread. */
  private record Rendered(DefaultPath.Plan plan, String text) {}

  @Override
  public Integer call() {
    if (!by.equals("lead") && !by.equals("day")) {
      throw new CadenceException(ExitCodes.USAGE, "--by must be `lead` or `day`, not `" + by + "`");
    }
    Instant nowInstant = now.resolve(parent.clock());
    LocalDate startDay = start.day().orElse(null);
    Cadence cadence = loadCadence(cadenceFile, spec);
    leads.checkHeader(spec);
    Engine engine = new Engine(cadence);
    PrintWriter out = spec.commandLine().getOut();
    // The start of --start in each lead's zone, worked out once per zone rather than per lead.
    Map<ZoneId, Instant> startByZone = new ConcurrentHashMap<>();
    LeadOptions.Outcome read;
    // Plans stream to stdout: on a terminal they are their own progress; a bar is for a file.
    Progress progress =
        Progress.forLeads(
            leads.file(spec),
            output.quiet || Terminal.stdoutIsTerminal(),
            spec.commandLine().getErr());
    try (PlanWriter writer = format.writer(out, by.equals("day"), nowInstant);
        var planner =
            InOrderBatches.<Lead, Rendered>perItem(
                BATCH,
                lead -> {
                  Instant enrolledAt =
                      startDay == null
                          ? nowInstant
                          : startByZone.computeIfAbsent(
                              engine.zoneOf(lead), z -> startDay.atStartOfDay(z).toInstant());
                  DefaultPath.Plan plan = DefaultPath.plan(engine, lead, enrolledAt, MAX_TOUCHES);
                  return new Rendered(plan, writer.render(plan));
                },
                r -> writer.write(r.plan(), r.text()))) {
      read = leads.read(spec, progress.counting(planner), progress);
    } finally {
      progress.done();
    }
    return read.exitCode(output.quiet);
  }

  /** Loads one cadence for running; one that does not validate is refused with its diagnostics. */
  static Cadence loadCadence(Path file, CommandSpec spec) {
    Reachable.check(file);
    if (!Files.isRegularFile(file)) {
      throw new CadenceException(ExitCodes.USAGE, "no such cadence file: " + file);
    }
    CadenceWorkspace.Prepared prepared = CadenceWorkspace.prepare(List.of(file));
    if (!prepared.result().valid() || prepared.cadences().isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      ValidateFormat.TEXT.renderer(false, true).render(prepared.result(), err);
      throw new CadenceException(
          ExitCodes.FINDINGS,
          prepared
              .brokenDependencies()
              .map(
                  broken ->
                      file
                          + " cannot be used: "
                          + broken
                          + "; fix the errors above (see `"
                          + prepared.validateCommand()
                          + "`)")
              .orElse(file + " does not validate; fix the errors above (see `cadence validate`)"));
    }
    return prepared.cadences().get(0);
  }
}
