package dev.cadence.cli;

import dev.cadence.io.log.OutcomeLogAppender;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --log LOG.csv}: the outcome log a live command appends the events it records to. */
final class LogOption {
  @Option(
      names = "--log",
      paramLabel = "LOG.csv",
      converter = OutputFile.class,
      description = "The outcome log to append the recorded events to (created with its header).")
  Path file;

  /** The log to append to, or null without {@code --log}. */
  OutcomeLogAppender open() {
    return file == null ? null : new OutcomeLogAppender(file);
  }
}
