package dev.cadence.io.log;

import dev.cadence.analytics.DataQuality;
import dev.cadence.analytics.EventCodes;
import dev.cadence.analytics.Issue;
import dev.cadence.analytics.RawEvents;
import dev.cadence.analytics.Signature;
import dev.cadence.concurrent.Futures;
import dev.cadence.model.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;

/**
 * Reads outcome logs (contract section 4) into {@link RawEvents}: the raw scan of {@code analyze}.
 *
 * <p>Built for logs of millions of lines in little memory: each file is cut into byte chunks parsed
 * on several threads by {@link ChunkParser} (a chunk guesses that its first record starts after the
 * first line break; the guess is checked against where the previous chunk really ended, and the
 * chunk parsed again in the rare case that a quoted line break fooled it); text is interned to ints
 * (steps, regions and the like per chunk, lead ids per parsing thread), then the chunks are joined
 * in input order. Bad lines become data-quality findings with their physical line; a file that
 * cannot be used at all (no header, a required column missing, unreadable) is a {@link FileProblem}
 * and the other files are still read.
 */
public final class OutcomeLogReader {
  /** The longest record accepted, in bytes: past it, an unclosed quote is the likely cause. */
  public static final int MAX_RECORD = 1 << 20;

  private static final int DEFAULT_CHUNK = 8 << 20;

  /**
   * A file that could not be used; {@code io} for read failures (exit 3), else bad content (exit
   * 1).
   */
  public record FileProblem(String source, String message, boolean io) {}

  /** Per file: non-blank records after the header, and how many became events. */
  public record FileStats(String source, long records, long events) {}

  /** What reading gave. */
  public record Result(
      RawEvents events, DataQuality quality, List<FileProblem> problems, List<FileStats> files) {}

  private final Map<String, String> mapping;
  private final int threads;
  private final int chunkSize;
  private final int maxRecord;

  /**
   * Hears the bytes scanned so far, over all files, as each chunk is joined (for a progress bar).
   */
  private LongConsumer progress = bytes -> {};

  /** Bytes of the files before the one being read, for {@link #progress}. */
  private long bytesBefore;

  /**
   * @param mapping field to column, from {@link #parseMapping}
   */
  public OutcomeLogReader(Map<String, String> mapping, int threads) {
    this(mapping, threads, DEFAULT_CHUNK, MAX_RECORD);
  }

  OutcomeLogReader(Map<String, String> mapping, int threads, int chunkSize, int maxRecord) {
    this.mapping = Map.copyOf(mapping);
    this.threads = Math.max(1, threads);
    this.chunkSize = chunkSize;
    this.maxRecord = maxRecord;
  }

  /**
   * Reports to {@code bytesScanned} how many bytes of the logs were scanned, as the scan goes;
   * returns this reader.
   */
  public OutcomeLogReader withProgress(LongConsumer bytesScanned) {
    this.progress = bytesScanned;
    return this;
  }

  /** Checks {@code --map field=Column} specs; throws IllegalArgumentException with the fix. */
  public static Map<String, String> parseMapping(List<String> specs) {
    return LogColumns.parseMapping(specs);
  }

  /** The log's field names, in header order. */
  public static List<String> fields() {
    return LogColumns.FIELDS;
  }

  public Result read(List<Path> files) {
    List<String> sources = new ArrayList<>();
    for (Path f : files) {
      sources.add(f.toString());
    }
    return read(files, sources);
  }

  /**
   * As {@link #read(List)}, each file named in findings and problems by the name at the same index
   * of {@code sources}: a file read may be a copy of standard input or of a pipe.
   */
  public Result read(List<Path> files, List<String> sources) {
    if (files.size() != sources.size()) {
      throw new IllegalArgumentException("one name per file");
    }
    List<FileProblem> problems = new ArrayList<>();
    List<List<Chunk>> perFile = new ArrayList<>();
    LeadDictionaries leads = new LeadDictionaries(expectedLeads(files));
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "cadence-log-reader");
              t.setDaemon(true);
              return t;
            });
    try {
      for (int i = 0; i < files.size(); i++) {
        try {
          perFile.add(readFile(i, files.get(i), sources.get(i), pool, leads));
          bytesBefore += sizeOf(files.get(i));
        } catch (Unusable e) {
          problems.add(new FileProblem(sources.get(i), e.getMessage(), false));
          perFile.add(List.of());
        } catch (IOException e) {
          problems.add(new FileProblem(sources.get(i), "cannot read: " + reason(e), true));
          perFile.add(List.of());
        }
      }
      return join(sources, perFile, problems, leads, pool);
    } finally {
      pool.shutdownNow();
      leads.forgetThisThread(); // the calling thread lives on: its dictionary must not
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /** Why reading failed, in a user's words. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return String.valueOf(e.getMessage());
  }

  /** A file whose content cannot be used (the message says why, with file:line). */
  private static final class Unusable extends Exception {
    Unusable(String message) {
      super(message, null, false, false);
    }
  }

  /** One parsed chunk and where it lies. */
  private static final class Chunk {
    final int source;
    final long nominalStart;
    final long nominalEnd;
    long start;
    long firstLine; // 1-based line of the chunk's first byte, known once the chunks before it are
    ChunkParser parsed;

    Chunk(int source, long nominalStart, long nominalEnd) {
      this.source = source;
      this.nominalStart = nominalStart;
      this.nominalEnd = nominalEnd;
    }
  }

  private List<Chunk> readFile(
      int index, Path file, String name, ExecutorService pool, LeadDictionaries leads)
      throws IOException, Unusable {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      HeaderRecord header = HeaderRecord.read(ch, size, maxRecord, name);
      LogColumns columns;
      try {
        columns = LogColumns.resolve(header.names(), mapping);
      } catch (IllegalArgumentException e) {
        throw new Unusable(name + ":" + header.line() + ": " + e.getMessage());
      }
      long dataStart = header.end();
      List<Chunk> chunks = new ArrayList<>();
      for (long s = dataStart; s < size; s += chunkSize) {
        chunks.add(new Chunk(index, s, Math.min(size, s + chunkSize)));
      }
      List<Future<ChunkParser>> futures = new ArrayList<>();
      for (Chunk c : chunks) {
        boolean first = c.nominalStart == dataStart;
        futures.add(
            pool.submit(
                () -> parse(ch, size, c, columns, first ? c.nominalStart : -1, leads, false)));
      }
      long pos = dataStart;
      long line = header.newlines() + 1;
      boolean continuing = false; // the previous chunk ended inside a line too long to read
      int k = 0;
      try {
        for (; k < chunks.size(); k++) {
          Chunk c = chunks.get(k);
          c.parsed = get(futures.get(k));
          // The guess was fooled by a quoted line break, or the chunk starts inside a line too
          // long to read (reported once, where it starts): parse again from the true start.
          if (c.start != pos || continuing) {
            leads.discarded(); // the guessed parse interned leads of lines that were not lines
            c.parsed = parse(ch, size, c, columns, pos, leads, continuing);
          }
          c.firstLine = line;
          line += c.parsed.newlines();
          pos = c.parsed.end();
          progress.accept(bytesBefore + pos);
          continuing = c.parsed.endsInsideLongLine();
        }
      } finally {
        if (k < chunks.size()) {
          // The file is given up on: its chunks still parsing write into the threads' lead
          // dictionaries, which the join reads, so none may still be running then.
          Futures.settle(futures);
        }
      }
      return chunks;
    }
  }

  private static ChunkParser get(Future<ChunkParser> f) throws IOException {
    try {
      return Futures.get(f);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static final ThreadLocal<byte[][]> BUFFERS = ThreadLocal.withInitial(() -> new byte[1][]);

  /**
   * Parses one chunk. {@code from} is the true start of its first record, or -1 to guess it (just
   * after the first line break at or after the chunk's nominal start).
   */
  private ChunkParser parse(
      FileChannel ch,
      long size,
      Chunk c,
      LogColumns columns,
      long from,
      LeadDictionaries leads,
      boolean continuing)
      throws IOException {
    long readFrom = from >= 0 ? from : c.nominalStart - 1;
    long limit = Math.min(size, Math.max(readFrom, c.nominalEnd) + maxRecord + 1);
    int len = (int) (limit - readFrom);
    byte[][] holder = BUFFERS.get();
    if (holder[0] == null || holder[0].length < len) {
      holder[0] = new byte[len];
    }
    byte[] buf = holder[0];
    ByteBuffer bb = ByteBuffer.wrap(buf, 0, len);
    while (bb.hasRemaining()) {
      int n = ch.read(bb, readFrom + bb.position());
      if (n < 0) {
        throw new IOException("file shrank while being read");
      }
    }
    int startIndex = 0;
    if (from < 0) {
      while (startIndex < len && buf[startIndex] != '\n') {
        startIndex++;
      }
      startIndex = Math.min(len, startIndex + 1);
    }
    c.start = readFrom + startIndex;
    ChunkParser p =
        new ChunkParser(
            c.source,
            columns,
            maxRecord,
            (int) ((c.nominalEnd - c.nominalStart) / 70),
            leads.forThisThread());
    int nominalEnd = (int) Math.max(0, Math.min(len, c.nominalEnd - readFrom));
    p.parse(buf, startIndex, len, nominalEnd, limit == size, readFrom, continuing);
    return p;
  }

  /**
   * Joins the chunks in input order into global ids and arrays: the small dictionaries (signatures)
   * on this thread, the leads and the columns on the pool.
   */
  private Result join(
      List<String> sources,
      List<List<Chunk>> perFile,
      List<FileProblem> problems,
      LeadDictionaries dictionaries,
      ExecutorService pool) {
    List<Chunk> all = new ArrayList<>();
    perFile.forEach(all::addAll);
    long total = 0;
    for (Chunk c : all) {
      total += c.parsed.size;
    }
    if (total > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException(
          "more than " + (Integer.MAX_VALUE - 16) + " events: split the logs");
    }
    int n = (int) total;
    long[] micros = new long[n];
    int[] lead = new int[n];
    int[] sig = new int[n];
    byte[] event = new byte[n];
    int[] line = new int[n];
    int[] sourceStart = new int[sources.size()];
    List<ByteInterner> used = dictionaries.all();
    LeadMerge.Merged leads = LeadMerge.merge(used, threads, pool);
    Map<Signature, Integer> sigIds = new HashMap<>();
    List<Signature> signatures = new ArrayList<>();
    DataQuality quality = new DataQuality();
    List<FileStats> stats = new ArrayList<>();
    List<Callable<Void>> copies = new ArrayList<>();
    int row = 0;
    for (int f = 0; f < perFile.size(); f++) {
      sourceStart[f] = row;
      long records = 0;
      long events = 0;
      for (Chunk c : perFile.get(f)) {
        ChunkParser p = c.parsed;
        int[] sigMap = signatureIds(p, sigIds, signatures);
        int[] leadMap = leads.ids()[indexOf(used, p.leads)];
        int at = row;
        int first = (int) c.firstLine;
        copies.add(
            () -> {
              for (int i = 0, r = at; i < p.size; i++, r++) {
                micros[r] = p.micros[i];
                lead[r] = leadMap[p.lead[i]];
                sig[r] = sigMap[p.sig[i]];
                event[r] = p.event[i];
                line[r] = first + p.line[i];
              }
              c.parsed = null; // let the chunk's arrays go
              return null;
            });
        row += p.size;
        p.quality.shiftLines(f, c.firstLine);
        quality.addAll(p.quality);
        records += p.records;
        events += p.size;
      }
      stats.add(new FileStats(sources.get(f), records, events));
    }
    Futures.runAll(pool, copies);
    int leadCount = dictionaries.anyDiscarded() ? compact(lead, n, leads.size()) : leads.size();
    checkChannels(n, sig, event, line, sourceStart, signatures, quality);
    RawEvents raw =
        new RawEvents(
            n, micros, lead, sig, event, line, leadCount, signatures, sources, sourceStart);
    return new Result(raw, quality, problems, stats);
  }

  /**
   * Renumbers the leads that rows use densely, in order of first row; returns how many there are.
   */
  private static int compact(int[] lead, int n, int ids) {
    int[] renumbered = new int[ids];
    Arrays.fill(renumbered, -1);
    int next = 0;
    for (int r = 0; r < n; r++) {
      int id = renumbered[lead[r]];
      if (id < 0) {
        id = next++;
        renumbered[lead[r]] = id;
      }
      lead[r] = id;
    }
    return next;
  }

  private static int indexOf(List<ByteInterner> list, ByteInterner d) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == d) {
        return i;
      }
    }
    throw new IllegalStateException("a chunk's lead dictionary is not listed");
  }

  /**
   * About how many distinct leads the files hold: sizes the dictionaries so that few of them grow.
   */
  private static int expectedLeads(List<Path> files) {
    long bytes = 0;
    for (Path f : files) {
      try {
        bytes += Files.size(f);
      } catch (IOException e) {
        // reported when the file is read
      }
    }
    return (int) Math.min(1 << 22, bytes / 70 / 10); // ~70 bytes a line, ~10 events a lead
  }

  /**
   * One lead dictionary per parsing thread, shared by the chunks that thread parses: a lead that
   * comes back in every chunk is then interned once per thread, not once per chunk, and the join
   * merges two or three dictionaries instead of one per chunk.
   */
  private static final class LeadDictionaries {
    private final int expected;
    private final List<ByteInterner> all = new ArrayList<>();
    private final ThreadLocal<ByteInterner> mine = ThreadLocal.withInitial(this::create);
    private volatile boolean discarded;

    LeadDictionaries(int expected) {
      this.expected = expected;
    }

    private synchronized ByteInterner create() {
      ByteInterner d = new ByteInterner(expected);
      all.add(d);
      return d;
    }

    ByteInterner forThisThread() {
      return mine.get();
    }

    /** A chunk's guessed parse was thrown away: its leads may be in a dictionary without a row. */
    void discarded() {
      discarded = true;
    }

    boolean anyDiscarded() {
      return discarded;
    }

    /** Drops this thread's reference to its dictionary (the pool's threads end with the read). */
    void forgetThisThread() {
      mine.remove();
    }

    synchronized List<ByteInterner> all() {
      return List.copyOf(all);
    }
  }

  /** A chunk's signature ids to global ones, adding the signatures not seen before. */
  private static int[] signatureIds(
      ChunkParser p, Map<Signature, Integer> sigIds, List<Signature> signatures) {
    int[] sigMap = new int[p.sigs.size()];
    String[][] dimText = new String[5][];
    for (int d = 0; d < 5; d++) {
      dimText[d] = new String[p.dims[d].size()];
    }
    for (int s = 0; s < sigMap.length; s++) {
      String[] v = new String[5];
      for (int d = 0; d < 5; d++) {
        int id = p.sigs.dim(s, d);
        if (dimText[d][id] == null) {
          dimText[d][id] = p.dims[d].string(id);
        }
        v[d] = dimText[d][id];
      }
      Signature key = new Signature(v[0], v[1], v[2], v[3], v[4]);
      sigMap[s] =
          sigIds.computeIfAbsent(
              key,
              x -> {
                signatures.add(x);
                return signatures.size() - 1;
              });
    }
    return sigMap;
  }

  /** Unknown channels and events a channel cannot produce: counted, and noted. */
  private static void checkChannels(
      int n,
      int[] sig,
      byte[] event,
      int[] line,
      int[] sourceStart,
      List<Signature> signatures,
      DataQuality quality) {
    int codes = EventCodes.count();
    byte[] fit =
        new byte[signatures.size() * codes]; // 0 unknown yet, 1 fits, 2 unknown channel, 3 mismatch
    int source = 0;
    for (int r = 0; r < n; r++) {
      while (source + 1 < sourceStart.length && sourceStart[source + 1] <= r) {
        source++;
      }
      int k = sig[r] * codes + event[r];
      byte f = fit[k];
      if (f == 0) {
        String channel = signatures.get(sig[r]).channel();
        f =
            Channel.fromYaml(channel).isEmpty()
                ? (byte) 2
                : EventCodes.fits(channel, event[r]) ? (byte) 1 : (byte) 3;
        fit[k] = f;
      }
      if (f == 1) {
        continue;
      }
      Issue issue = f == 2 ? Issue.UNKNOWN_CHANNEL : Issue.EVENT_CHANNEL_MISMATCH;
      if (quality.wants(issue, source, line[r])) {
        String channel = signatures.get(sig[r]).channel();
        quality.add(
            issue,
            source,
            line[r],
            f == 2
                ? "`" + channel + "`"
                : "`" + EventCodes.name(event[r]) + "` on a " + channel + " step");
      } else {
        quality.count(issue);
      }
    }
  }

  /** The header record of a file: its column names, where the data starts, its line breaks. */
  record HeaderRecord(List<String> names, long end, int newlines, long line) {
    static HeaderRecord read(FileChannel ch, long size, int maxRecord, String name)
        throws IOException, Unusable {
      if (size == 0) {
        throw new Unusable(
            name
                + ": empty file (an outcome log starts with a header line: "
                + String.join(",", LogColumns.FIELDS)
                + ")");
      }
      int len = (int) Math.min(size, maxRecord + 3L);
      byte[] b = new byte[len];
      ByteBuffer bb = ByteBuffer.wrap(b);
      while (bb.hasRemaining() && ch.read(bb, bb.position()) >= 0) {
        // fill
      }
      int p = 0;
      if (len >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
        p = 3;
      }
      if (p == len) {
        throw new Unusable(name + ": empty file (only a byte-order mark)");
      }
      List<String> names = new ArrayList<>();
      StringBuilderBytes field = new StringBuilderBytes();
      int newlines = 0;
      boolean quoted = false;
      int i = p;
      for (; i < len; i++) {
        byte c = b[i];
        if (c == 0) {
          throw new Unusable(name + ":1: a NUL byte in the header: not a CSV text file");
        }
        if (quoted) {
          if (c == '"') {
            if (i + 1 < len && b[i + 1] == '"') {
              field.add(c);
              i++;
            } else {
              quoted = false;
            }
          } else {
            if (c == '\n') {
              newlines++;
            }
            field.add(c);
          }
        } else if (c == '"' && field.size() == 0) {
          quoted = true;
        } else if (c == ',') {
          names.add(field.take(name));
        } else if (c == '\n') {
          newlines++;
          break;
        } else {
          field.add(c);
        }
      }
      if (quoted) {
        throw new Unusable(name + ":1: the header line never ends (an unclosed quote?)");
      }
      if (i >= len && len < size) {
        throw new Unusable(
            name
                + ":1: the first line is longer than "
                + maxRecord
                + " bytes, too long for a header; an outcome log starts with a header line: "
                + String.join(",", LogColumns.FIELDS));
      }
      names.add(field.take(name).replaceFirst("\r$", ""));
      if (names.size() == 1 && names.get(0).isBlank()) {
        throw new Unusable(
            name
                + ":1: the first line is blank; an outcome log starts with a header line: "
                + String.join(",", LogColumns.FIELDS));
      }
      return new HeaderRecord(names, Math.min(size, i + 1L), newlines, 1);
    }
  }

  /** Bytes of one header field, decoded strictly. */
  private static final class StringBuilderBytes {
    private byte[] b = new byte[64];
    private int n;

    void add(byte c) {
      if (n == b.length) {
        b = Arrays.copyOf(b, n * 2);
      }
      b[n++] = c;
    }

    int size() {
      return n;
    }

    String take(String file) throws Unusable {
      if (!ByteInterner.Utf8.isValid(b, 0, n)) {
        throw new Unusable(file + ":1: the header is not UTF-8 text");
      }
      String s = new String(b, 0, n, StandardCharsets.UTF_8);
      n = 0;
      return s;
    }
  }
}
