package dev.cadence.io.csv;

import dev.cadence.io.log.OutcomeLog;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes rejected rows as a CSV a user can fix and load again: the file's own header plus {@code
 * _line} and {@code _reason}. Cells that a spreadsheet would run as a formula (a leading {@code = +
 * - @}, tab or carriage return) get a leading single quote, as do cells that start with one, as in
 * the outcome log. The file is written beside the target under a temporary name and moved into
 * place on {@link #commit()}, so a failed run never leaves half a file.
 */
public final class RejectsWriter implements Closeable {
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

  private final Path target;
  private final Path temp;
  private final int width;
  private final CSVPrinter printer;
  private boolean done;

  private RejectsWriter(Path target, Path temp, List<String> header, CSVPrinter printer) {
    this.target = target;
    this.temp = temp;
    this.width = header.size();
    this.printer = printer;
  }

  /**
   * Starts a rejects file for a list with this header; nothing appears at {@code target} until
   * commit.
   */
  public static RejectsWriter open(Path target, List<String> header) {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = null;
    try {
      temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
      CSVPrinter printer = new CSVPrinter(out, FORMAT);
      List<String> cells = new ArrayList<>(header.size() + 2);
      for (String name : header) {
        cells.add(escape(name));
      }
      cells.add("_line");
      cells.add("_reason");
      printer.printRecord(cells);
      return new RejectsWriter(target, temp, header, printer);
    } catch (IOException e) {
      deleteQuietly(temp);
      throw new LeadFileException(
          LeadFileException.Kind.IO, target + ": cannot write: " + e.getMessage(), e);
    }
  }

  /** Writes every row and moves the file into place. */
  public static void write(Path target, List<String> header, Iterable<RejectedRow> rows) {
    try (RejectsWriter writer = open(target, header)) {
      for (RejectedRow row : rows) {
        writer.write(row);
      }
      writer.commit();
    }
  }

  /**
   * Appends one row: its fields padded (or cut) to the header's width so {@code _line} and {@code
   * _reason} stay in their columns; fields past the header go into the reason, never lost.
   */
  public void write(RejectedRow row) {
    List<String> cells = new ArrayList<>(width + 2);
    List<String> fields = row.fields();
    for (int i = 0; i < width; i++) {
      cells.add(i < fields.size() ? escape(fields.get(i)) : "");
    }
    cells.add(Long.toString(row.line()));
    String reason = row.reason();
    if (fields.size() > width) {
      reason +=
          " (fields past the header: "
              + String.join(" | ", fields.subList(width, fields.size()))
              + ")";
    }
    cells.add(escape(reason));
    try {
      printer.printRecord(cells);
    } catch (IOException e) {
      throw new LeadFileException(
          LeadFileException.Kind.IO, target + ": cannot write: " + e.getMessage(), e);
    }
  }

  /** Finishes the file and moves it over {@code target}. */
  public void commit() {
    try {
      printer.close(true);
      try {
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } catch (IOException e) {
      throw new LeadFileException(
          LeadFileException.Kind.IO, target + ": cannot write: " + e.getMessage(), e);
    }
  }

  /** Without a commit, throws the temporary file away and leaves {@code target} as it was. */
  @Override
  public void close() {
    if (!done) {
      done = true;
      try {
        printer.close();
      } catch (IOException ignored) {
        // the file is deleted below anyway
      }
      deleteQuietly(temp);
    }
  }

  /** The outcome log's escaping, so one rule undoes both. */
  static String escape(String value) {
    return OutcomeLog.escape(value);
  }

  private static void deleteQuietly(Path path) {
    if (path != null) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException ignored) {
        // a stray temporary file is the lesser harm
      }
    }
  }
}
