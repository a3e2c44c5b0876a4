package dev.cadence.io.csv;

import dev.cadence.model.Lead;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a lead list (contract section 3): a header row, UTF-8 with or without BOM, strictly
 * decoded. Good rows become {@link Lead}s, bad rows {@link RejectedRow}s with the physical line
 * where they start, and reading goes on; only a file that cannot be read at all throws {@link
 * LeadFileException}.
 *
 * <p>Streams: memory holds the current record and the set of ids seen, whatever the file's size.
 * {@link #open} reads and checks the header at once, so header and {@code --map} errors come before
 * any output; {@link #forEach} then streams the rows.
 */
public final class LeadReader implements AutoCloseable {
  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

  /** Only to recover the fields of a record that {@link #FORMAT} refused, for the rejects CSV. */
  private static final CSVFormat LENIENT =
      FORMAT.builder().setTrailingData(true).setLenientEof(true).get();

  /** How much of a refused record is kept for the rejects CSV. */
  private static final int MAX_RAW_CHARS = 1 << 16;

  /**
   * Quoting errors after which the file is taken for something else than a comma-separated list.
   */
  static final int MAX_QUOTING_ERRORS = 100;

  private final Path path;

  /** The list as the user named it, for messages: {@code -} for standard input read via a copy. */
  private final String name;

  private final LeadColumns columns;
  private final long headerLine;
  private Segment segment;

  /** The physical line where the last record (or the header) ended. */
  private long previousEnd;

  private boolean consumed;

  private LeadReader(
      Path path,
      String name,
      Segment segment,
      LeadColumns columns,
      long headerLine,
      long headerEnd) {
    this.path = path;
    this.name = name;
    this.segment = segment;
    this.columns = columns;
    this.headerLine = headerLine;
    this.previousEnd = headerEnd;
  }

  /**
   * Reads the whole list into memory (fine for plans and tests; use {@link #stream} for big lists).
   */
  public static LeadReadResult read(Path path, Map<String, String> mapping) {
    List<Lead> leads = new ArrayList<>();
    List<RejectedRow> rejects = new ArrayList<>();
    LeadReadSummary summary = stream(path, mapping, leads::add, rejects::add);
    return new LeadReadResult(leads, rejects, summary.header());
  }

  /** Streams every data row, in file order, to exactly one of the two consumers. */
  public static LeadReadSummary stream(
      Path path, Map<String, String> mapping, Consumer<Lead> leads, Consumer<RejectedRow> rejects) {
    return stream(path, path.toString(), mapping, leads, rejects);
  }

  /** As {@link #stream(Path, Map, Consumer, Consumer)}, naming the list {@code name}. */
  public static LeadReadSummary stream(
      Path path,
      String name,
      Map<String, String> mapping,
      Consumer<Lead> leads,
      Consumer<RejectedRow> rejects) {
    try (LeadReader reader = open(path, name, mapping)) {
      return reader.forEach(leads, rejects);
    }
  }

  /**
   * Opens the list and checks its header against the mapping (field -> source column).
   *
   * @throws LeadFileException when the file is missing, the header is bad or the mapping does not
   *     fit
   */
  public static LeadReader open(Path path, Map<String, String> mapping) {
    return open(path, path.toString(), mapping);
  }

  /**
   * As {@link #open(Path, Map)}, naming the list {@code name} in messages: the file read may be a
   * copy of standard input or of a pipe.
   */
  public static LeadReader open(Path path, String name, Map<String, String> mapping) {
    if (Files.isDirectory(path)) {
      throw new LeadFileException(
          LeadFileException.Kind.MISSING_FILE, name + ": is a directory, not a lead list");
    }
    Segment segment = Segment.open(path, name, 0, 1, 0);
    try {
      Iterator<CSVRecord> records = segment.records;
      CSVRecord header;
      try {
        if (!records.hasNext()) {
          throw new LeadFileException(
              LeadFileException.Kind.BAD_HEADER,
              name + ": empty file: a lead list needs a header row");
        }
        header = records.next();
      } catch (UncheckedIOException e) {
        throw csvOrIo(name, e, "the header row cannot be parsed");
      }
      long end = segment.lineOf(segment.parser.getCurrentLineNumber());
      long start = segment.reader.firstNonEmptyLineAfter(0);
      List<StrictUtf8Reader.BadBytes> bad = segment.reader.takeBadBytesThrough(end);
      if (!bad.isEmpty()) {
        StrictUtf8Reader.BadBytes b = bad.get(0);
        String hint =
            segment.reader.utf16Bom()
                ? "the file is UTF-16; save it as UTF-8"
                : "save the file as UTF-8";
        throw new LeadFileException(
            LeadFileException.Kind.BAD_HEADER,
            name
                + ":"
                + b.line()
                + ": invalid UTF-8 in the header ("
                + b.hex()
                + " at byte offset "
                + b.byteOffset()
                + "); "
                + hint);
      }
      LeadColumns columns = LeadColumns.resolve(name, start, List.of(header.values()), mapping);
      return new LeadReader(path, name, segment, columns, start, end);
    } catch (RuntimeException e) {
      segment.closeQuietly();
      throw e;
    }
  }

  /** The header as written in the file (trimmed), for the rejects CSV. */
  public List<String> header() {
    return columns.header();
  }

  /** The physical line of the header row. */
  public long headerLine() {
    return headerLine;
  }

  /** Streams the data rows; may be called once. */
  public LeadReadSummary forEach(Consumer<Lead> leads, Consumer<RejectedRow> rejects) {
    if (consumed) {
      throw new IllegalStateException("the rows of " + name + " were already read");
    }
    consumed = true;
    long[] counts = new long[2];
    Consumer<Lead> countLeads =
        lead -> {
          counts[0]++;
          leads.accept(lead);
        };
    Consumer<RejectedRow> countRejects =
        row -> {
          counts[1]++;
          rejects.accept(row);
        };
    LeadRowChecker checker = new LeadRowChecker(columns);
    int quotingErrors = 0;
    while (true) {
      CSVRecord record;
      try {
        if (!segment.records.hasNext()) {
          break;
        }
        record = segment.records.next();
      } catch (UncheckedIOException e) {
        if (!(e.getCause() instanceof CSVException)) {
          throw csvOrIo(name, e, "");
        }
        if (++quotingErrors > MAX_QUOTING_ERRORS) {
          throw new LeadFileException(
              LeadFileException.Kind.BAD_FILE,
              name
                  + ": more than "
                  + MAX_QUOTING_ERRORS
                  + " quoting errors; is it really a comma-separated file with \" as the quote?");
        }
        countRejects.accept(restartAfterQuotingError(e.getCause()));
        continue;
      }
      long end = segment.lineOf(segment.parser.getCurrentLineNumber());
      long start = segment.reader.firstNonEmptyLineAfter(previousEnd);
      List<StrictUtf8Reader.BadBytes> bad = segment.reader.takeBadBytesThrough(end);
      segment.reader.forgetBefore(start);
      previousEnd = end;
      checker.check(start, record.values(), bad, countLeads, countRejects);
    }
    return new LeadReadSummary(columns.header(), counts[0], counts[1]);
  }

  /**
   * A record whose quotes do not pair up cannot be parsed, and the parser cannot go on from the
   * middle of it: reject the record and start a fresh parser on the line after it (for a quote
   * never closed, the line after the one where it opened, since everything after it was swallowed).
   */
  private RejectedRow restartAfterQuotingError(Throwable error) {
    long start = segment.reader.firstNonEmptyLineAfter(previousEnd);
    boolean unclosed = String.valueOf(error.getMessage()).contains("EOF");
    long errorLine = segment.lineOf(segment.parser.getCurrentLineNumber());
    long resume = unclosed ? start + 1 : Math.max(start, errorLine) + 1;
    long startByte = segment.reader.byteStartOf(start);
    segment.closeQuietly();
    List<String> fields = rawFields(startByte, start, resume - start);
    segment = Segment.open(path, name, startByte, start, resume - start);
    previousEnd = resume - 1;
    String reason =
        unclosed
            ? "unclosed quote: a quoted field that starts on this line never ends (a quote inside a field must be"
                + " doubled: \"\"); reading went on at line "
                + resume
            : "text after a closing quote on line "
                + errorLine
                + " (quote the whole field, and double a quote"
                + " inside it: \"\")";
    return new RejectedRow(start, reason, fields);
  }

  /**
   * The refused record's fields as a lenient parse sees them (text after a closing quote kept, an
   * unclosed quote running to the end of its lines), so the rejects CSV still shows the row's data.
   */
  private List<String> rawFields(long startByte, long startLine, long lineCount) {
    StringBuilder text = new StringBuilder();
    try (InputStream in = Files.newInputStream(path)) {
      in.skipNBytes(startByte);
      StrictUtf8Reader reader = new StrictUtf8Reader(in, startLine, startByte);
      long lines = 0;
      int previous = -1;
      int c;
      while (lines < lineCount && text.length() < MAX_RAW_CHARS && (c = reader.read()) >= 0) {
        if (c == '\r' || (c == '\n' && previous != '\r')) {
          lines++;
        }
        text.append((char) c);
        previous = c;
      }
    } catch (IOException e) {
      throw new LeadFileException(
          LeadFileException.Kind.IO, name + ": cannot read: " + e.getMessage(), e);
    }
    String record = text.toString().replaceAll("[\r\n]+$", "");
    try (CSVParser parser = LENIENT.parse(new StringReader(record))) {
      List<CSVRecord> records = parser.getRecords();
      return records.isEmpty() ? List.of() : List.of(records.get(0).values());
    } catch (IOException | UncheckedIOException e) {
      return List.of(record);
    }
  }

  private static LeadFileException csvOrIo(String name, UncheckedIOException e, String what) {
    if (e.getCause() instanceof CSVException) {
      return new LeadFileException(
          LeadFileException.Kind.BAD_HEADER,
          name + ": " + what + ": " + e.getCause().getMessage(),
          e);
    }
    return new LeadFileException(
        LeadFileException.Kind.IO, name + ": cannot read: " + e.getCause().getMessage(), e);
  }

  @Override
  public void close() {
    segment.closeQuietly();
  }

  /** One parser over the file from a given line on; a quoting error replaces it with a new one. */
  private static final class Segment {
    final StrictUtf8Reader reader;
    final CSVParser parser;
    final Iterator<CSVRecord> records;

    /** Physical line before the first one this parser sees (its line numbers start at 1). */
    final long lineOffset;

    private Segment(StrictUtf8Reader reader, CSVParser parser, long lineOffset) {
      this.reader = reader;
      this.parser = parser;
      this.records = parser.iterator();
      this.lineOffset = lineOffset;
    }

    /**
     * Opens the file at {@code startByte} (the start of {@code startLine}) and skips {@code skip}
     * lines.
     */
    static Segment open(Path path, String name, long startByte, long startLine, long skip) {
      InputStream in = null;
      try {
        in = Files.newInputStream(path);
        in.skipNBytes(startByte);
        StrictUtf8Reader reader = new StrictUtf8Reader(in, startLine, startByte);
        reader.skipLines(skip);
        return new Segment(reader, FORMAT.parse(reader), startLine + skip - 1);
      } catch (NoSuchFileException e) {
        throw new LeadFileException(
            LeadFileException.Kind.MISSING_FILE, name + ": no such file", e);
      } catch (AccessDeniedException e) {
        throw new LeadFileException(LeadFileException.Kind.IO, name + ": permission denied", e);
      } catch (IOException e) {
        closeQuietly(in);
        throw new LeadFileException(
            LeadFileException.Kind.IO, name + ": cannot read: " + e.getMessage(), e);
      }
    }

    /** The physical line of a line number the parser reports. */
    long lineOf(long parserLine) {
      return lineOffset + parserLine;
    }

    void closeQuietly() {
      try {
        parser.close();
      } catch (IOException e) {
        // reading is over; a failure to release the file changes nothing for the caller
      }
    }

    private static void closeQuietly(InputStream in) {
      if (in != null) {
        try {
          in.close();
        } catch (IOException ignored) {
          // already failing with the original error
        }
      }
    }
  }
}
