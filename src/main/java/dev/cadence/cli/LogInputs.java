package dev.cadence.cli;

import dev.cadence.analytics.CellFilter;
import dev.cadence.analytics.DataQuality;
import dev.cadence.analytics.TouchCell;
import dev.cadence.io.InputFile;
import dev.cadence.io.log.OutcomeLogReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The outcome logs a command reads, and how: the LOG arguments, --map, --where (analyze,
 * recommend).
 */
final class LogInputs {
  @Parameters(
      arity = "1..*",
      paramLabel = "LOG",
      description =
          "Outcome logs (CSV, as simulate and run write them), read as one; - reads standard"
              + " input, and a pipe works too: <(zcat log.csv.gz).")
  List<Path> logs;

  @Option(
      names = "--map",
      paramLabel = "field=Column",
      description =
          "Read a field from a differently named column, e.g. --map lead_id=\"Contact ID\" (repeatable).")
  List<String> map = new ArrayList<>();

  @Option(
      names = "--where",
      paramLabel = "FIELD=VALUE",
      description =
          "Only touches with this cadence, step, channel, template or region (repeatable; the same"
              + " field twice means either value).")
  List<String> where = new ArrayList<>();

  @Option(
      names = "--threads",
      hidden = true,
      description = "Worker threads (default: the number of cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  private Map<String, String> mapping;
  private Predicate<TouchCell> filter;

  /** The logs as read: the files themselves, or copies of standard input or of pipes. */
  private final List<InputFile> inputs = new ArrayList<>();

  /**
   * Checks every option and file, all before any work: usage errors (exit 2) with the fix. Standard
   * input and pipes are copied here, each once.
   */
  void check(CommandSpec spec) {
    try {
      mapping = OutcomeLogReader.parseMapping(map);
      filter = CellFilter.parse(where);
    } catch (IllegalArgumentException e) {
      throw new CadenceException(ExitCodes.USAGE, e.getMessage(), e);
    }
    long fromStdin = logs.stream().filter(InputFile::isStdin).count();
    if (fromStdin > 1) {
      throw new CadenceException(
          ExitCodes.USAGE, "- (standard input) may be given once; it can be read only once");
    }
    for (Path log : logs) {
      if (InputFile.isStdin(log)) {
        continue;
      }
      Reachable.check(log);
      if (!Files.exists(log)) {
        throw new CadenceException(ExitCodes.USAGE, "no such log file: " + log);
      }
      if (Files.isDirectory(log)) {
        throw new CadenceException(ExitCodes.USAGE, "not a log file (a folder): " + log);
      }
    }
    if (threads < 1) {
      throw new CadenceException(ExitCodes.USAGE, "--threads must be at least 1");
    }
    for (Path log : logs) {
      try {
        inputs.add(InputFile.open(log, CadenceCommand.stdin(spec)));
      } catch (UncheckedIOException e) {
        close();
        throw new CadenceException(
            ExitCodes.RUNTIME,
            "cannot read " + log + ": " + SimulationInputs.reason(e.getCause()),
            e);
      }
    }
  }

  /** Reads every log as one; the copies of standard input and pipes are gone afterwards. */
  OutcomeLogReader.Result read() {
    return read(Progress.none(null));
  }

  /** As {@link #read()}, the bytes scanned shown on {@code progress}. */
  OutcomeLogReader.Result read(Progress progress) {
    try {
      return new OutcomeLogReader(mapping, threads)
          .withProgress(progress::update)
          .read(
              inputs.stream().map(InputFile::path).toList(),
              inputs.stream().map(InputFile::label).toList());
    } finally {
      progress.done();
      close();
    }
  }

  /** The bytes the logs hold, once they are checked: the whole of the progress bar. */
  long bytes() {
    long total = 0;
    for (InputFile in : inputs) {
      try {
        total += Files.size(in.path());
      } catch (IOException e) {
        // the reader reports it
      }
    }
    return total;
  }

  private void close() {
    inputs.forEach(InputFile::close);
  }

  boolean filtered() {
    return !where.isEmpty();
  }

  Predicate<TouchCell> filter() {
    return filter;
  }

  String names() {
    return String.join(", ", logs.stream().map(Path::toString).toList());
  }

  /**
   * Why {@code read} holds no event, after "no events in LOG": only a header, or lines none of
   * which could be counted (with the first one's place and reason, e.g. a line too long).
   */
  static String whyNoEvents(OutcomeLogReader.Result read) {
    long lines = 0;
    for (OutcomeLogReader.FileStats f : read.files()) {
      lines += f.records();
    }
    if (lines == 0) {
      return " (only a header?)";
    }
    String first = "";
    for (DataQuality.Finding f : read.quality().findings(read.events().sources())) {
      if (!f.examples().isEmpty()) {
        DataQuality.Example e = f.examples().get(0);
        first = " (" + e.source() + ":" + e.line() + ": " + e.detail() + ")";
        break;
      }
    }
    String its = read.files().size() == 1 ? "its" : "their";
    return lines == 1
        ? ": " + its + " one line was not counted" + first
        : ": none of " + its + " " + lines + " lines was counted" + first;
  }
}
