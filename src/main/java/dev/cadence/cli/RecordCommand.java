package dev.cadence.cli;

import dev.cadence.io.InputFile;
import dev.cadence.io.csv.OutcomeCsv;
import dev.cadence.io.log.OutcomeLogAppender;
import dev.cadence.live.OutcomeImport;
import dev.cadence.live.OutcomeSink;
import dev.cadence.live.Recorder;
import dev.cadence.live.StateStore;
import dev.cadence.model.OutcomeEvent;
import dev.cadence.report.Count;
import dev.cadence.report.live.LiveFormat;
import dev.cadence.report.live.RecordWriter;
import dev.cadence.validate.Diagnostic;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cadence record}: outcomes the tool cannot see (call results, replies, approvals), one or a
 * CSV.
 */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  # a call that connected, and one that needs the fields the step requires",
      "  cadence record --lead L-0001 --step check-call --outcome connected",
      "  cadence record --lead L-0001 --step qualify-call --outcome done \\",
      "      --field budget=10k --field decision_date=2027-01-15",
      "  # a whole export of call results, logged",
      "  cadence record --csv calls.csv --log outcomes.csv"
    },
    description = {
      "Record an outcome: --lead L --step S --outcome O [--field name=value]..., or a CSV of them (--csv FILE with columns"
          + " lead_id, step, outcome, and optionally cadence, timestamp and any field; an outcome log's columns work too).",
      "Required fields and guards are enforced: a refused outcome changes nothing and says why (exit 1)."
          + " --outcome done (or none) completes a call, task or meeting without a particular result."
          + " An unsubscribe suppresses the lead in every cadence."
    })
final class RecordCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @ParentCommand CadenceCommand parent;
  @Mixin OutputOptions output;
  @Mixin NowOption now;
  @Mixin DbOption db;

  @Option(names = "--lead", paramLabel = "ID", description = "The lead id.")
  String lead;

  @Option(names = "--step", paramLabel = "STEP", description = "The step id.")
  String step;

  @Option(
      names = "--outcome",
      paramLabel = "OUTCOME",
      description = "connected, replied, approved, ... or done.")
  String outcome;

  @Option(
      names = "--field",
      paramLabel = "name=value",
      description = "A field the step requires, e.g. --field budget=10k (repeatable).")
  List<String> fields = new ArrayList<>();

  @Option(
      names = "--cadence",
      paramLabel = "ID",
      description = "The cadence, when the lead is in several with that step.")
  String cadence;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description = "Record every row of this CSV (- reads standard input).")
  Path csv;

  @Mixin LogOption log;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text or json (default: text).")
  LiveFormat format;

  @Override
  public Integer call() {
    if ((csv == null) == (lead == null || step == null)) {
      throw new CadenceException(
          ExitCodes.USAGE, "give either --lead and --step (with --outcome), or --csv FILE");
    }
    boolean stdin = csv != null && InputFile.isStdin(csv);
    if (csv != null && !stdin) {
      Reachable.check(csv);
    }
    // A pipe (<(...)) is read like a file: it is streamed once, and only a missing path or a
    // folder is refused.
    if (csv != null && !stdin && (!Files.exists(csv) || Files.isDirectory(csv))) {
      throw new CadenceException(ExitCodes.USAGE, "no such file: " + csv);
    }
    Instant at = now.resolve(parent.clock());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (StateStore store = db.open();
        OutcomeLogAppender appender = log.open()) {
      LiveCadences.Loaded loaded = LiveCadences.load(store);
      Recorder recorder = new Recorder(store, loaded.cadences(), loaded.refused());
      if (csv == null) {
        Recorder.Applied applied =
            recorder.record(
                new Recorder.Request(
                    lead,
                    Optional.ofNullable(cadence),
                    step,
                    Optional.ofNullable(outcome),
                    parseFields(fields),
                    at));
        if (format == LiveFormat.JSON) {
          RecordWriter.one(
              lead,
              step,
              outcome == null ? "done" : outcome,
              applied.refusal().isPresent()
                  ? RecordWriter.Row.refused("", applied.refusal().get())
                  : RecordWriter.Row.recorded("", applied),
              out);
        }
        if (applied.refusal().isPresent()) {
          err.println("error: refused: " + applied.refusal().get());
          return ExitCodes.FINDINGS;
        }
        append(appender, applied.events());
        applied.notes().forEach(n -> err.println("warning: " + n));
        if (!output.quiet && format == LiveFormat.TEXT) {
          out.println(
              "recorded "
                  + (outcome == null ? "done" : outcome)
                  + " for lead "
                  + Diagnostic.oneLine(lead)
                  + " at "
                  + step
                  + " ("
                  + applied.cadence()
                  + ")"
                  + (applied.status().isEmpty() ? "" : "; status: " + applied.status())
                  + (applied.ended() ? "; the enrollment ended" : ""));
        }
        return ExitCodes.OK;
      }
      return recordCsv(recorder, appender, at, out, err);
    }
  }

  private int recordCsv(
      Recorder recorder,
      OutcomeLogAppender appender,
      Instant at,
      PrintWriter out,
      PrintWriter err) {
    OutcomeImport.Counts counts;
    RecordWriter.Rows handled = new RecordWriter.Rows();
    try (Reader in =
        InputFile.isStdin(csv)
            ? new BufferedReader(
                new InputStreamReader(
                    CadenceCommand.stdin(spec), StandardCharsets.UTF_8.newDecoder()))
            : Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      OutcomeCsv rows;
      try {
        rows = OutcomeCsv.open(in, csv.toString(), at);
      } catch (IllegalArgumentException e) {
        throw new CadenceException(ExitCodes.USAGE, e.getMessage());
      }
      counts =
          OutcomeImport.run(
              rows,
              recorder,
              appender == null ? OutcomeSink.NONE : appender,
              new OutcomeImport.Listener() {
                @Override
                public void recorded(String location, Recorder.Applied applied) {
                  handled.add(RecordWriter.Row.recorded(location, applied));
                  applied.notes().forEach(n -> err.println(location + ": warning: " + n));
                }

                @Override
                public void refused(String location, String reason) {
                  handled.add(RecordWriter.Row.refused(location, reason));
                  err.println(location + ": refused: " + Diagnostic.oneLine(reason));
                }
              },
              parent.context().crashPoints());
    } catch (IOException | UncheckedIOException e) {
      throw new CadenceException(
          ExitCodes.RUNTIME, "cannot read " + csv + ": " + e.getMessage(), e);
    }
    int recorded = counts.recorded();
    if (format == LiveFormat.JSON) {
      RecordWriter.csv(
          csv.toString(), counts.recorded(), counts.unchanged(), counts.refused(), handled, out);
    } else if (!output.quiet) {
      out.println(
          "recorded "
              + Count.of(recorded, "outcome")
              + (counts.unchanged() > 0
                  ? ", " + Count.of(counts.unchanged()) + " already recorded (skipped)"
                  : "")
              + (counts.refused() > 0 ? ", refused " + Count.of(counts.refused()) : ""));
    }
    return counts.refused() > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private static Map<String, String> parseFields(List<String> given) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String f : given) {
      int eq = f.indexOf('=');
      if (eq <= 0) {
        throw new CadenceException(
            ExitCodes.USAGE, "--field `" + f + "`: write name=value, e.g. --field budget=10k");
      }
      map.put(f.substring(0, eq).strip(), f.substring(eq + 1).strip());
    }
    return map;
  }

  private static void append(OutcomeLogAppender appender, List<OutcomeEvent> events) {
    if (appender != null && !events.isEmpty()) {
      appender.append(events);
    }
  }
}
