package dev.cadence.io.log;

import dev.cadence.live.OutcomeSink;
import dev.cadence.model.OutcomeEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends committed events to the outcome log that {@code run} keeps (the header first when the
 * file is new or empty). Each batch is flushed at once: a crash loses at most the batch being
 * written, and {@code cadence log --rebuild} restores the file from the store, which is the truth.
 */
public final class OutcomeLogAppender implements OutcomeSink, AutoCloseable {
  private final Path file;
  private OutputStream out;

  public OutcomeLogAppender(Path file) {
    this.file = file;
  }

  @Override
  public void append(List<OutcomeEvent> events) {
    try {
      if (out == null) {
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        out =
            Files.newOutputStream(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND,
                StandardOpenOption.WRITE);
        if (fresh) {
          out.write((OutcomeLog.HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
      StringBuilder lines = new StringBuilder(events.size() * 96);
      for (OutcomeEvent e : events) {
        lines.append(OutcomeLog.line(e)).append('\n');
      }
      out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot append to the outcome log "
              + file
              + ": "
              + e.getMessage()
              + " (the store has the events: `cadence log --rebuild` writes the log again)",
          e);
    }
  }

  @Override
  public void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(
            "cannot close the outcome log " + file + ": " + e.getMessage(), e);
      }
    }
  }
}
