package dev.cadence.io.log;

import dev.cadence.live.OutcomeSink;
import dev.cadence.model.OutcomeEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * Appends committed events to the outcome log that {@code run} keeps (the header first when the
 * file is new or empty). Each batch is flushed at once: a crash loses at most the batch being
 * written, and {@code cadence log --rebuild} restores the file from the store, which is the truth.
 *
 * <p>Every append starts on a line boundary. A write cut off part-way (a full disk, a kill) leaves
 * a last line without its line feed; appending onto it would glue the next event to the fragment
 * and lose both. So the fragment is ended first and stays a line of its own, which {@code analyze}
 * reports as not counted until {@code log --rebuild} writes the file again. A file that holds only
 * the start of the header (cut off while it was being created) is started again.
 */
public final class OutcomeLogAppender implements OutcomeSink, AutoCloseable {
  private static final byte[] HEADER = (OutcomeLog.HEADER + "\n").getBytes(StandardCharsets.UTF_8);

  private final Path file;
  private OutputStream out;

  public OutcomeLogAppender(Path file) {
    this.file = file;
  }

  @Override
  public void append(List<OutcomeEvent> events) {
    try {
      if (out == null) {
        out = open();
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

  /** Opens the file for appending, positioned on a line boundary, the header written if new. */
  private OutputStream open() throws IOException {
    Tail tail = Files.exists(file) ? tail(file) : Tail.EMPTY;
    if (tail == Tail.TORN_HEADER) {
      // Nothing but part of the header: no event is lost by starting the file again.
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(0);
      }
    }
    OutputStream stream =
        Files.newOutputStream(
            file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    if (tail == Tail.EMPTY || tail == Tail.TORN_HEADER) {
      stream.write(HEADER);
    } else if (tail == Tail.TORN_LINE) {
      stream.write('\n');
    }
    return stream;
  }

  /** How a log file ends. */
  private enum Tail {
    EMPTY,
    LINE_END,
    TORN_LINE,
    TORN_HEADER
  }

  private static Tail tail(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size == 0) {
        return Tail.EMPTY;
      }
      ByteBuffer last = ByteBuffer.allocate(1);
      ch.read(last, size - 1);
      if (last.get(0) == '\n') {
        return Tail.LINE_END;
      }
      if (size < HEADER.length) {
        ByteBuffer start = ByteBuffer.allocate((int) size);
        while (start.hasRemaining() && ch.read(start, start.position()) >= 0) {
          // fill
        }
        if (Arrays.equals(start.array(), 0, (int) size, HEADER, 0, (int) size)) {
          return Tail.TORN_HEADER;
        }
      }
      return Tail.TORN_LINE;
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
