package dev.cadence.cli;

import dev.cadence.io.log.OutcomeLogAppender;
import dev.cadence.live.Recorder;
import dev.cadence.model.OutcomeEvent;
import dev.cadence.store.SqliteStore;
import dev.cadence.store.StoreException;
import dev.cadence.validate.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
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
    description = {
      "Record an outcome: --lead L --step S --outcome O [--field name=value]..., or a CSV of them (--csv FILE with columns"
          + " lead_id, step, outcome, and optionally cadence, timestamp and any field; an outcome log's columns work too).",
      "Required fields and guards are enforced: a refused outcome changes nothing and says why (exit 1)."
          + " --outcome done (or none) completes a call, task or meeting without a particular result."
          + " An unsubscribe suppresses the lead in every cadence."
    })
final class RecordCommand implements Callable<Integer> {
  /** Columns of a record CSV that are not fields. */
  private static final Set<String> KNOWN =
      Set.of(
          "lead_id",
          "lead",
          "step",
          "outcome",
          "event",
          "cadence",
          "timestamp",
          "at",
          "channel",
          "template",
          "region");

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

  @Option(names = "--csv", paramLabel = "FILE", description = "Record every row of this CSV.")
  Path csv;

  @Option(
      names = "--log",
      paramLabel = "LOG.csv",
      description = "The outcome log to append the recorded events to.")
  Path log;

  @Override
  public Integer call() {
    if ((csv == null) == (lead == null || step == null)) {
      throw new CadenceException(
          ExitCodes.USAGE, "give either --lead and --step (with --outcome), or --csv FILE");
    }
    if (csv != null) {
      Reachable.check(csv);
    }
    if (csv != null && !Files.isRegularFile(csv)) {
      throw new CadenceException(ExitCodes.USAGE, "no such file: " + csv);
    }
    Instant at = now.resolve(parent.clock());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try (SqliteStore store = db.open();
        OutcomeLogAppender appender = log == null ? null : new OutcomeLogAppender(log)) {
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
        if (applied.refusal().isPresent()) {
          err.println("error: refused: " + applied.refusal().get());
          return ExitCodes.FINDINGS;
        }
        append(appender, applied.events());
        applied.notes().forEach(n -> err.println("warning: " + n));
        if (!output.quiet) {
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
    } catch (StoreException e) {
      throw DbOption.failure(e);
    } catch (UncheckedIOException e) {
      throw new CadenceException(ExitCodes.RUNTIME, e.getMessage(), e);
    }
  }

  private int recordCsv(
      Recorder recorder,
      OutcomeLogAppender appender,
      Instant at,
      PrintWriter out,
      PrintWriter err) {
    int recorded = 0;
    int refused = 0;
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .get()
                .parse(in)) {
      List<String> header =
          parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
      int leadCol = index(header, "lead_id", "lead");
      int stepCol = index(header, "step");
      int outcomeCol = index(header, "outcome", "event");
      if (leadCol < 0 || stepCol < 0) {
        throw new CadenceException(
            ExitCodes.USAGE,
            csv
                + ": the header needs lead_id and step columns (and outcome), not "
                + String.join(",", header));
      }
      int cadenceCol = index(header, "cadence");
      int atCol = index(header, "timestamp", "at");
      for (CSVRecord row : parser) {
        long line = row.getRecordNumber() + 1; // the header is line 1
        try {
          Map<String, String> rowFields = new LinkedHashMap<>();
          for (int i = 0; i < header.size() && i < row.size(); i++) {
            if (!KNOWN.contains(header.get(i)) && !row.get(i).isBlank()) {
              rowFields.put(header.get(i), row.get(i).strip());
            }
          }
          Recorder.Applied applied =
              recorder.record(
                  new Recorder.Request(
                      get(row, leadCol),
                      Optional.ofNullable(get(row, cadenceCol)).filter(s -> !s.isEmpty()),
                      get(row, stepCol),
                      Optional.ofNullable(get(row, outcomeCol)),
                      rowFields,
                      atCol < 0 || get(row, atCol).isEmpty() ? at : instant(get(row, atCol))));
          if (applied.refusal().isPresent()) {
            refused++;
            err.println(
                csv + ":" + line + ": refused: " + Diagnostic.oneLine(applied.refusal().get()));
          } else {
            recorded++;
            append(appender, applied.events());
            applied.notes().forEach(n -> err.println(csv + ":" + line + ": warning: " + n));
          }
        } catch (IllegalArgumentException | IllegalStateException e) {
          refused++;
          err.println(
              csv
                  + ":"
                  + line
                  + ": refused: "
                  + Diagnostic.oneLine(String.valueOf(e.getMessage())));
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new CadenceException(
          ExitCodes.RUNTIME, "cannot read " + csv + ": " + e.getMessage(), e);
    }
    if (!output.quiet) {
      out.println(
          "recorded "
              + recorded
              + " outcome"
              + (recorded == 1 ? "" : "s")
              + (refused > 0 ? ", refused " + refused : ""));
    }
    return refused > 0 ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private static String get(CSVRecord row, int col) {
    return col < 0 || col >= row.size() ? null : row.get(col).strip();
  }

  private static int index(List<String> header, String... names) {
    for (String n : names) {
      int i = header.indexOf(n);
      if (i >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static Instant instant(String s) {
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "timestamp `" + s + "` is not ISO-8601 with an offset, e.g. 2026-03-02T10:15:00+01:00");
    }
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
