package dev.cadence.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The usable lines of one or more outcome logs, column by column in primitive arrays (about 21
 * bytes per event): what the touch cube is built from. Row order is input order (the sources one
 * after the other, each in line order), which is the last tie-break of every ordering.
 */
public final class RawEvents {
  private final int size;
  final long[] micros;
  final int[] lead;
  final int[] signature;
  final byte[] event;
  final int[] line;
  private final int leads;
  private final List<Signature> signatures;
  private final List<String> sources;
  private final int[] sourceStart;

  /**
   * Takes the arrays as they are (no copy: they can be large).
   *
   * @param micros microseconds since the epoch, per row
   * @param lead the lead's id, dense in [0, leads)
   * @param signature index into {@code signatures}
   * @param event {@link EventCodes} code
   * @param line the physical line of the row in its source (1-based)
   * @param sourceStart the first row of each source, ascending
   */
  public RawEvents(
      int size,
      long[] micros,
      int[] lead,
      int[] signature,
      byte[] event,
      int[] line,
      int leads,
      List<Signature> signatures,
      List<String> sources,
      int[] sourceStart) {
    if (micros.length < size
        || lead.length < size
        || signature.length < size
        || event.length < size
        || line.length < size
        || sourceStart.length != sources.size()) {
      throw new IllegalArgumentException("column arrays shorter than " + size + " rows");
    }
    this.size = size;
    this.micros = micros;
    this.lead = lead;
    this.signature = signature;
    this.event = event;
    this.line = line;
    this.leads = leads;
    this.signatures = List.copyOf(signatures);
    this.sources = List.copyOf(sources);
    this.sourceStart = sourceStart.clone();
  }

  public int size() {
    return size;
  }

  public int leads() {
    return leads;
  }

  public List<Signature> signatures() {
    return signatures;
  }

  public List<String> sources() {
    return sources;
  }

  public long micros(int row) {
    return micros[row];
  }

  public int lead(int row) {
    return lead[row];
  }

  public int signature(int row) {
    return signature[row];
  }

  public int event(int row) {
    return event[row];
  }

  public int line(int row) {
    return line[row];
  }

  /** The index of the source that {@code row} comes from. */
  public int source(int row) {
    int i = Arrays.binarySearch(sourceStart, row);
    if (i < 0) {
      return -i - 2;
    }
    while (i + 1 < sourceStart.length && sourceStart[i + 1] == row) {
      i++; // empty sources share their start with the next one
    }
    return i;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Builds events one at a time, for tests and small inputs (the log reader fills arrays directly).
   */
  public static final class Builder {
    private final List<Long> micros = new ArrayList<>();
    private final List<Integer> leads = new ArrayList<>();
    private final List<Integer> sigs = new ArrayList<>();
    private final List<Byte> events = new ArrayList<>();
    private final Map<String, Integer> leadIds = new HashMap<>();
    private final Map<Signature, Integer> sigIds = new HashMap<>();
    private final List<Signature> signatures = new ArrayList<>();

    /** Adds one event; {@code event} must be a known one. */
    public Builder add(
        Instant at,
        String leadId,
        String cadence,
        String step,
        String channel,
        String template,
        String region,
        String event) {
      byte code =
          EventCodes.code(event)
              .orElseThrow(() -> new IllegalArgumentException("unknown event " + event));
      Signature s = new Signature(cadence, step, channel, template, region);
      micros.add(
          Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1000));
      leads.add(leadIds.computeIfAbsent(leadId, k -> leadIds.size()));
      sigs.add(
          sigIds.computeIfAbsent(
              s,
              k -> {
                signatures.add(k);
                return signatures.size() - 1;
              }));
      events.add(code);
      return this;
    }

    public RawEvents build() {
      int n = micros.size();
      long[] m = new long[n];
      int[] l = new int[n];
      int[] s = new int[n];
      byte[] e = new byte[n];
      int[] lines = new int[n];
      for (int i = 0; i < n; i++) {
        m[i] = micros.get(i);
        l[i] = leads.get(i);
        s[i] = sigs.get(i);
        e[i] = events.get(i);
        lines[i] = i + 2; // as if line 1 were a header
      }
      return new RawEvents(
          n, m, l, s, e, lines, leadIds.size(), signatures, List.of("events"), new int[] {0});
    }
  }
}
