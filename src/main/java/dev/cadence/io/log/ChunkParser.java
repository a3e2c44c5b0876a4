package dev.cadence.io.log;

import dev.cadence.analytics.DataQuality;
import dev.cadence.analytics.EventCodes;
import dev.cadence.analytics.Issue;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses the records of one byte range of an outcome log (RFC 4180: quoted fields with commas,
 * doubled quotes and line breaks; LF or CRLF line ends) into primitive columns, interning text into
 * chunk-local ids (lead ids into the parsing thread's dictionary, shared by its chunks). Records
 * are parsed from {@code start} while they start before {@code nominalEnd}; the record that
 * straddles it is finished here, and {@link #end()} is where the next chunk's first record starts.
 *
 * <p>Lines are counted from the chunk's start (0-based) and made absolute when chunks are joined.
 * Rules that keep one bad line from swallowing the rest: a record longer than {@link
 * OutcomeLogReader#MAX_RECORD} bytes, or a quote still open at the end of the file, is a bad row
 * and parsing resumes on the next physical line.
 */
final class ChunkParser {
  private static final int FIELDS = LogColumns.FIELDS.size();
  private static final int UNRESOLVED_SPAN = -1;
  private static final int BAD_SPAN = -2;
  private static final long COMMAS = 0x2C2C2C2C2C2C2C2CL;
  private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;
  private static final byte[] ESCAPED_STARTS =
      OutcomeLog.ESCAPED_STARTS.getBytes(StandardCharsets.US_ASCII);

  private final int source;
  private final int[] role;
  private final int columns;
  private final int maxRecord;

  // Interned text: chunk-local ids, but lead ids in the parsing thread's dictionary.
  final ByteInterner leads;
  final ByteInterner[] dims = new ByteInterner[5]; // cadence, step, channel, template, region
  private final ByteInterner events = new ByteInterner();
  private static final byte UNRESOLVED = -2;
  private byte[] eventCode =
      new byte[16]; // by local event id; -1 = unknown, UNRESOLVED = not looked up

  {
    Arrays.fill(eventCode, UNRESOLVED);
  }

  final SigTable sigs = new SigTable();

  // Output columns.
  int size;
  long[] micros;
  int[] lead;
  int[] sig;
  byte[] event;
  int[] line;

  final DataQuality quality = new DataQuality();

  /** Non-blank records seen (good or bad). */
  long records;

  private int newlines;
  private long end;

  private final IsoTimestamp timestamps = new IsoTimestamp();
  // The current record's fields: where each field's bytes are.
  private final byte[][] fArr = new byte[FIELDS][];
  private final int[] fOff = new int[FIELDS];
  private final int[] fLen = new int[FIELDS];
  private byte[] scratch = new byte[256];
  private int scratchSize;
  private final int[] dimId = new int[5];

  /*
   * The text columns (cadence, step, channel, template, region, event) usually sit side by side: the
   * raw bytes from the first to the last of them then decide all six values at once, so a line costs
   * one dictionary look-up for them instead of six. spanValue: (signature << 5 | event code), or a
   * negative mark for a span whose values are bad (spanIssue/spanDetail say why).
   */
  private final int spanFirst;
  private final int spanLast;
  private final ByteInterner spans = new ByteInterner();
  private int[] spanValue = new int[64];
  private Issue[] spanIssue = new Issue[64];
  private String[] spanDetail = new String[64];
  private byte[] curBuf;
  private int spanStart;
  private int spanEnd;

  /**
   * @param leads the dictionary of lead ids to intern into (one per parsing thread, shared by its
   *     chunks)
   */
  ChunkParser(int source, LogColumns columns, int maxRecord, int expectedRows, ByteInterner leads) {
    this.source = source;
    this.role = columns.role;
    this.columns = columns.columns();
    this.maxRecord = maxRecord;
    for (int d = 0; d < dims.length; d++) {
      dims[d] = new ByteInterner();
    }
    int first = -1;
    int last = -1;
    int count = 0;
    for (int c = 0; c < role.length; c++) {
      if (role[c] >= LogColumns.CADENCE) {
        first = first < 0 ? c : first;
        last = c;
        count++;
      }
    }
    boolean adjacent = count > 0 && last - first + 1 == count;
    spanFirst = adjacent ? first : -1;
    spanLast = adjacent ? last : -1;
    Arrays.fill(spanValue, UNRESOLVED_SPAN);
    int cap = Math.max(16, expectedRows);
    this.leads = leads;
    micros = new long[cap];
    lead = new int[cap];
    sig = new int[cap];
    event = new byte[cap];
    line = new int[cap];
  }

  /** Physical line breaks in [start, end()). */
  int newlines() {
    return newlines;
  }

  /** Absolute offset just past the last record parsed: the next chunk starts there. */
  long end() {
    return end;
  }

  /**
   * True when {@link #end()} falls inside a line too long to be a record (already reported): the
   * next chunk must skip the rest of that line instead of reading it as records.
   */
  boolean endsInsideLongLine() {
    return endsInsideLongLine;
  }

  private boolean endsInsideLongLine;

  /** The finding of a record past the limit inside a quoted field, which likely never closes. */
  private String quoteTooLong() {
    return "a record longer than " + maxRecord + " bytes (a quote that is never closed?)";
  }

  /** The finding of a line past the limit that no open quote explains. */
  private String tooLong() {
    return "the line is longer than "
        + maxRecord
        + " bytes, the most one event may take; it was not read";
  }

  /**
   * Parses {@code buf[from, limit)}, whose first byte is at absolute offset {@code base}.
   *
   * @param nominalEnd records starting at or after this buffer index belong to the next chunk
   * @param eof true if {@code limit} is the end of the file
   */
  void parse(byte[] buf, int from, int limit, int nominalEnd, boolean eof, long base) {
    parse(buf, from, limit, nominalEnd, eof, base, false);
  }

  /**
   * As {@link #parse(byte[], int, int, int, boolean, long)}; {@code continuing}: {@code from} is
   * inside a line too long to be a record, whose rest is skipped first.
   */
  void parse(
      byte[] buf, int from, int limit, int nominalEnd, boolean eof, long base, boolean continuing) {
    int p = from;
    int ln = 0;
    curBuf = buf;
    if (continuing) {
      while (p < limit && buf[p] != '\n') {
        p++;
      }
      if (p == limit) { // the whole chunk lies inside the line
        endsInsideLongLine = !eof;
        newlines = 0;
        end = base + p;
        return;
      }
      p++;
      ln++;
    }
    while (p < nominalEnd && p < limit) {
      final int recStart = p;
      final int recLine = ln;
      Arrays.fill(fLen, -1);
      scratchSize = 0;
      int field = 0;
      String bad = null;
      boolean blank = false;
      boolean broken = false; // the record's end is not where parsing resumes
      for (; ; ) {
        int r = field < columns ? role[field] : -1;
        if (field == spanFirst) {
          spanStart = p;
        }
        if (p < limit && buf[p] == '"') {
          int q = p + 1;
          boolean doubled = false;
          for (; ; ) {
            while (q < limit && buf[q] != '"') {
              if (buf[q] == '\n') {
                ln++;
              }
              q++;
            }
            if (q + 1 < limit && buf[q + 1] == '"') {
              doubled = true;
              q += 2;
              continue;
            }
            break;
          }
          if (q >= limit) { // no closing quote before the end of the buffer
            bad =
                eof && limit - recStart <= maxRecord
                    ? "a quote that is never closed"
                    : quoteTooLong();
            broken = true;
            break;
          }
          if (r >= 0) {
            setQuoted(r, buf, p + 1, q, doubled);
          } else if (!validIgnored(buf, p + 1, q)) {
            bad = bad == null ? "invalid UTF-8 in column " + (field + 1) : bad;
          }
          p = q + 1;
          if (field == spanLast) {
            spanEnd = p;
          }
          if (p + 1 < limit && buf[p] == '\r' && buf[p + 1] == '\n') {
            p++;
          }
          if (p < limit && buf[p] != ',' && buf[p] != '\n') {
            bad = "text after the closing quote of field " + (field + 1);
            while (p < limit && buf[p] != '\n') {
              p++;
            }
          }
        } else {
          int fs = p;
          p = fieldEnd(buf, p, limit);
          int fe = p;
          if (fe > fs && buf[fe - 1] == '\r' && (p >= limit || buf[p] == '\n')) {
            fe--;
          }
          if (field == spanLast) {
            spanEnd = fe;
          }
          if (field == 0 && fe == fs && (p >= limit || buf[p] == '\n')) {
            blank = true;
          }
          if (r >= 0) {
            fArr[r] = buf;
            fOff[r] = fs;
            fLen[r] = fe - fs;
          } else if (!validIgnored(buf, fs, fe)) {
            bad = bad == null ? "invalid UTF-8 in column " + (field + 1) : bad;
          }
        }
        if (p >= limit) {
          if (!eof) {
            bad = ln > recLine ? quoteTooLong() : tooLong();
            broken = true;
          }
          break;
        }
        if (buf[p] == ',') {
          p++;
          field++;
          continue;
        }
        p++; // '\n'
        ln++;
        break;
      }
      if (!broken && p - recStart > maxRecord) {
        bad = ln > recLine + 1 ? quoteTooLong() : tooLong();
        broken = true;
      }
      if (broken) { // resume on the line after the record's first line
        int nl = recStart;
        while (nl < limit && buf[nl] != '\n') {
          nl++;
        }
        p = Math.min(limit, nl + 1);
        ln = recLine + (nl < limit ? 1 : 0);
        endsInsideLongLine = nl >= limit && !eof; // the line goes on into the next chunk
      }
      if (blank && field == 0 && bad == null) {
        continue;
      }
      records++;
      if (bad == null && field + 1 != columns) {
        bad = (field + 1) + " fields where the header has " + columns;
      }
      if (bad != null) {
        finding(Issue.BAD_ROW, recLine, bad);
        continue;
      }
      row(recLine);
    }
    newlines = ln;
    end = base + p;
  }

  /**
   * The index of the first comma or line feed in buf[p, limit), or limit: eight bytes at a time.
   */
  private static int fieldEnd(byte[] buf, int p, int limit) {
    while (p + 8 <= limit) {
      long w = (long) ByteInterner.LONGS.get(buf, p);
      long x = w ^ COMMAS;
      long y = w ^ NEWLINES;
      // A zero byte of x or y is a comma or a line feed; the lowest flagged byte is exact.
      long t = (((x - ONES) & ~x) | ((y - ONES) & ~y)) & HIGHS;
      if (t != 0) {
        return p + (Long.numberOfTrailingZeros(t) >>> 3);
      }
      p += 8;
    }
    while (p < limit && buf[p] != ',' && buf[p] != '\n') {
      p++;
    }
    return p;
  }

  private void setQuoted(int r, byte[] buf, int from, int to, boolean doubled) {
    if (!doubled) {
      fArr[r] = buf;
      fOff[r] = from;
      fLen[r] = to - from;
      return;
    }
    if (scratchSize + (to - from) > scratch.length) {
      scratch = Arrays.copyOf(scratch, Math.max(scratch.length * 2, scratchSize + to - from));
      // Earlier fields of this record that live in the old scratch array keep their bytes there.
    }
    int start = scratchSize;
    for (int i = from; i < to; i++) {
      scratch[scratchSize++] = buf[i];
      if (buf[i] == '"') {
        i++; // the second quote of a doubled pair
      }
    }
    fArr[r] = scratch;
    fOff[r] = start;
    fLen[r] = scratchSize - start;
  }

  private static boolean validIgnored(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < 0) {
        return ByteInterner.Utf8.isValid(b, from, to - from);
      }
    }
    return true;
  }

  /** A record with the right number of fields: checks its values and appends it. */
  private void row(int recLine) {
    for (int f = 0; f < FIELDS; f++) {
      if (LogColumns.required(f) && fLen[f] <= 0) {
        finding(Issue.BAD_ROW, recLine, "empty `" + LogColumns.FIELDS.get(f) + "`");
        return;
      }
    }
    long t =
        timestamps.parse(
            fArr[LogColumns.TIMESTAMP], fOff[LogColumns.TIMESTAMP], fLen[LogColumns.TIMESTAMP]);
    if (t == IsoTimestamp.INVALID) {
      if (quality.wants(Issue.BAD_TIMESTAMP, source, recLine)) {
        quality.add(
            Issue.BAD_TIMESTAMP,
            source,
            recLine,
            "`"
                + text(LogColumns.TIMESTAMP)
                + "` is not an ISO-8601 timestamp with an offset (e.g. 2026-03-02T09:00:00+01:00)");
      } else {
        quality.count(Issue.BAD_TIMESTAMP);
      }
      return;
    }
    int value = spanFirst >= 0 ? spanValue(recLine) : resolve(recLine, null, -1);
    if (value < 0) {
      return;
    }
    defuse(LogColumns.LEAD);
    int l = leads.intern(fArr[LogColumns.LEAD], fOff[LogColumns.LEAD], fLen[LogColumns.LEAD]);
    if (l == ByteInterner.INVALID) {
      finding(Issue.BAD_ROW, recLine, "invalid UTF-8 in `lead_id`");
      return;
    }
    if (size == micros.length) {
      grow();
    }
    micros[size] = t;
    lead[size] = l;
    sig[size] = value >>> 5;
    event[size] = (byte) (value & 31);
    line[size] = recLine;
    size++;
  }

  /**
   * The signature and event of the current record through its raw span; reports a bad span's
   * finding.
   */
  private int spanValue(int recLine) {
    int id = spans.intern(curBuf, spanStart, spanEnd - spanStart);
    if (id == ByteInterner.INVALID) {
      return resolve(recLine, null, -1);
    }
    if (id >= spanValue.length) {
      int old = spanValue.length;
      spanValue = Arrays.copyOf(spanValue, Math.max(id + 1, old * 2));
      Arrays.fill(spanValue, old, spanValue.length, UNRESOLVED_SPAN);
      spanIssue = Arrays.copyOf(spanIssue, spanValue.length);
      spanDetail = Arrays.copyOf(spanDetail, spanValue.length);
    }
    int v = spanValue[id];
    if (v == UNRESOLVED_SPAN) {
      v = resolve(recLine, this, id);
      spanValue[id] = v;
      return v;
    }
    if (v == BAD_SPAN) {
      finding(spanIssue[id], recLine, spanDetail[id]);
    }
    return v;
  }

  /**
   * The signature and event of the current record from its fields: (signature << 5 | event code),
   * or BAD_SPAN after reporting why. With {@code cache}, a bad span's reason is kept for its
   * repeats.
   */
  private int resolve(int recLine, ChunkParser cache, int spanId) {
    defuse(LogColumns.EVENT);
    int e = events.intern(fArr[LogColumns.EVENT], fOff[LogColumns.EVENT], fLen[LogColumns.EVENT]);
    if (e == ByteInterner.INVALID) {
      return bad(recLine, spanId, Issue.BAD_ROW, "invalid UTF-8 in `event`");
    }
    int code = eventCode(e);
    if (code < 0) {
      return bad(recLine, spanId, Issue.UNKNOWN_EVENT, "`" + events.string(e) + "`");
    }
    for (int d = 0; d < 5; d++) {
      int f = LogColumns.CADENCE + d;
      if (fLen[f] < 0) { // optional column absent from the header
        dimId[d] = dims[d].intern(scratch, 0, 0);
        continue;
      }
      defuse(f);
      int id = dims[d].intern(fArr[f], fOff[f], fLen[f]);
      if (id == ByteInterner.INVALID) {
        return bad(
            recLine, spanId, Issue.BAD_ROW, "invalid UTF-8 in `" + LogColumns.FIELDS.get(f) + "`");
      }
      dimId[d] = id;
    }
    return sigs.id(dimId) << 5 | code;
  }

  private int bad(int recLine, int spanId, Issue issue, String detail) {
    if (spanId >= 0) {
      spanIssue[spanId] = issue;
      spanDetail[spanId] = detail;
    }
    finding(issue, recLine, detail);
    return BAD_SPAN;
  }

  /**
   * Undoes the writer's escaping ({@link OutcomeLog#unescape}): a leading ' before = + - @ tab, CR
   * or another '.
   */
  private void defuse(int f) {
    if (fLen[f] >= 2 && fArr[f][fOff[f]] == '\'') {
      byte next = fArr[f][fOff[f] + 1];
      for (byte b : ESCAPED_STARTS) {
        if (b == next) {
          fOff[f]++;
          fLen[f]--;
          return;
        }
      }
    }
  }

  private int eventCode(int id) {
    if (id >= eventCode.length) {
      int old = eventCode.length;
      eventCode = Arrays.copyOf(eventCode, Math.max(id + 1, old * 2));
      Arrays.fill(eventCode, old, eventCode.length, UNRESOLVED);
    }
    byte c = eventCode[id];
    if (c == UNRESOLVED) {
      c = EventCodes.code(events.string(id)).orElse((byte) -1);
      eventCode[id] = c;
    }
    return c;
  }

  private String text(int f) {
    String s = new String(fArr[f], fOff[f], Math.min(fLen[f], 80), StandardCharsets.UTF_8);
    return s.replaceAll("\\p{Cntrl}", "?");
  }

  private void finding(Issue issue, int recLine, String detail) {
    if (quality.wants(issue, source, recLine)) {
      quality.add(issue, source, recLine, detail);
    } else {
      quality.count(issue);
    }
  }

  private void grow() {
    int n = micros.length + (micros.length >> 1) + 16;
    micros = Arrays.copyOf(micros, n);
    lead = Arrays.copyOf(lead, n);
    sig = Arrays.copyOf(sig, n);
    event = Arrays.copyOf(event, n);
    line = Arrays.copyOf(line, n);
  }

  /** Chunk-local signatures: tuples of the five dimension ids, open-addressed. */
  static final class SigTable {
    private int[] tuples = new int[5 * 16];
    private int size;
    private int[] slots = new int[64]; // id + 1, 0 = empty
    private final int[] last = {-1, -1, -1, -1, -1};
    private int lastId = -1;

    int size() {
      return size;
    }

    int dim(int id, int d) {
      return tuples[id * 5 + d];
    }

    int id(int[] t) {
      if (lastId >= 0
          && t[0] == last[0]
          && t[1] == last[1]
          && t[2] == last[2]
          && t[3] == last[3]
          && t[4] == last[4]) {
        return lastId;
      }
      int mask = slots.length - 1;
      int id;
      for (int s = hash(t, 0) & mask; ; s = (s + 1) & mask) {
        int c = slots[s] - 1;
        if (c < 0) {
          id = add(t);
          slots[s] = id + 1;
          if (size * 2 > slots.length) {
            rehash();
          }
          break;
        }
        if (Arrays.equals(tuples, c * 5, c * 5 + 5, t, 0, 5)) {
          id = c;
          break;
        }
      }
      System.arraycopy(t, 0, last, 0, 5);
      lastId = id;
      return id;
    }

    private static int hash(int[] t, int off) {
      int h = 0;
      for (int i = off; i < off + 5; i++) {
        h = (h + t[i]) * 0x9E3779B1;
      }
      return h ^ (h >>> 16);
    }

    private int add(int[] t) {
      if ((size + 1) * 5 > tuples.length) {
        tuples = Arrays.copyOf(tuples, tuples.length * 2);
      }
      System.arraycopy(t, 0, tuples, size * 5, 5);
      return size++;
    }

    private void rehash() {
      slots = new int[slots.length * 2];
      int mask = slots.length - 1;
      for (int c = 0; c < size; c++) {
        int s = hash(tuples, c * 5) & mask;
        while (slots[s] != 0) {
          s = (s + 1) & mask;
        }
        slots[s] = c + 1;
      }
    }
  }
}
