package dev.cadence.cli;

import dev.cadence.io.log.AtomicOutput;
import dev.cadence.io.log.OutcomeLog;
import dev.cadence.live.StateStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code cadence log --rebuild --out LOG}: the outcome log written again from the store, its source
 * of truth.
 */
@Command(
    name = "log",
    mixinStandardHelpOptions = true,
    description =
        "Write the outcome log again from the state store (every event, in the order it was committed):"
            + " after a crash between a commit and the log append, or to start a fresh copy.")
final class LogCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin OutputOptions output;
  @Mixin DbOption db;

  @Option(names = "--rebuild", required = true, description = "Rebuild the log from the store.")
  boolean rebuild;

  @Option(
      names = "--out",
      required = true,
      converter = OutputFile.class,
      paramLabel = "LOG.csv",
      description = "The log to write (replaced in full, or not at all).")
  Path out;

  @Override
  public Integer call() {
    long[] count = {0};
    try (StateStore store = db.open();
        AtomicOutput log = AtomicOutput.open(out)) {
      log.write((OutcomeLog.HEADER + "\n").getBytes(StandardCharsets.UTF_8));
      IOException[] failure = {null};
      store.read(
          tx -> {
            tx.forEachEvent(
                e -> {
                  if (failure[0] == null) {
                    try {
                      log.write((OutcomeLog.line(e) + "\n").getBytes(StandardCharsets.UTF_8));
                      count[0]++;
                    } catch (IOException x) {
                      failure[0] = x;
                    }
                  }
                });
            return null;
          });
      if (failure[0] != null) {
        throw failure[0];
      }
      log.commit();
    } catch (IOException e) {
      throw new CadenceException(
          ExitCodes.RUNTIME, "cannot write " + out + ": " + e.getMessage(), e);
    }
    if (!output.quiet) {
      spec.commandLine()
          .getErr()
          .println("wrote " + count[0] + " event" + (count[0] == 1 ? "" : "s") + " to " + out);
    }
    return ExitCodes.OK;
  }
}
