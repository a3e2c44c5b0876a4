package dev.cadence.io.csv;

import dev.cadence.live.OutcomeSource;
import dev.cadence.live.Recorder;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The outcomes of a CSV for {@code record --csv}: columns {@code lead_id} (or {@code lead}), {@code
 * step}, {@code outcome} (or {@code event}), and optionally {@code cadence}, {@code timestamp} (or
 * {@code at}) and any field a step requires; an outcome log's own columns work too. Each row is an
 * outcome located at {@code NAME:LINE}, keyed by {@link RowKey}: importing the file again records
 * none of the rows already recorded, with or without timestamps.
 */
public final class OutcomeCsv implements OutcomeSource {
  /** Columns that are not fields. */
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

  private final String name;
  private final CSVParser parser;
  private final List<String> header;
  private final Instant defaultAt;

  private OutcomeCsv(String name, CSVParser parser, List<String> header, Instant defaultAt) {
    this.name = name;
    this.parser = parser;
    this.header = header;
    this.defaultAt = defaultAt;
  }

  /**
   * Reads the header of {@code in}; rows without a timestamp are recorded at {@code defaultAt}.
   *
   * @throws IllegalArgumentException when the header lacks the lead and step columns
   * @throws UncheckedIOException when the text cannot be read
   */
  public static OutcomeCsv open(Reader in, String name, Instant defaultAt) {
    CSVParser parser;
    try {
      parser =
          CSVFormat.DEFAULT
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setIgnoreEmptyLines(true)
              .get()
              .parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> header =
        parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").strip()).toList();
    if (index(header, "lead_id", "lead") < 0 || index(header, "step") < 0) {
      throw new IllegalArgumentException(
          name
              + ": the header needs lead_id and step columns (and outcome), not "
              + String.join(",", header));
    }
    return new OutcomeCsv(name, parser, header, defaultAt);
  }

  @Override
  public void forEach(Consumer<Item> sink) {
    int leadCol = index(header, "lead_id", "lead");
    int stepCol = index(header, "step");
    int outcomeCol = index(header, "outcome", "event");
    int cadenceCol = index(header, "cadence");
    int atCol = index(header, "timestamp", "at");
    for (CSVRecord row : parser) {
      String location = name + ":" + (row.getRecordNumber() + 1); // the header is line 1
      Map<String, String> fields = new LinkedHashMap<>();
      for (int i = 0; i < header.size() && i < row.size(); i++) {
        if (!KNOWN.contains(header.get(i)) && !row.get(i).isBlank()) {
          fields.put(header.get(i), row.get(i).strip());
        }
      }
      String at = get(row, atCol);
      Instant when;
      try {
        when = at == null || at.isEmpty() ? defaultAt : instant(at);
      } catch (IllegalArgumentException e) {
        sink.accept(new Unreadable(location, e.getMessage()));
        continue;
      }
      Optional<Instant> stated = at == null || at.isEmpty() ? Optional.empty() : Optional.of(when);
      Recorder.Request request =
          new Recorder.Request(
              get(row, leadCol),
              Optional.ofNullable(get(row, cadenceCol)).filter(s -> !s.isEmpty()),
              get(row, stepCol),
              Optional.ofNullable(get(row, outcomeCol)),
              fields,
              when);
      sink.accept(
          new Outcome(location, request, Optional.of(RowKey.of(RowKey.content(request, stated)))));
    }
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
}
