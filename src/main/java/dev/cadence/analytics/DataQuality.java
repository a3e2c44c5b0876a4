package dev.cadence.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects data-quality findings: a count per {@link Issue} and its first few examples (the
 * earliest in input order, whatever order they were found in), so that a million bad lines cost a
 * counter. Not thread-safe: one per worker, then {@link #addAll}.
 */
public final class DataQuality {
  /** Examples kept per issue. */
  public static final int EXAMPLES = 5;

  /**
   * Where a finding was seen: the source's index in the input list, its physical line, what is
   * wrong.
   */
  record Seen(int source, long line, String detail) {}

  /** One example of a finding, for reports. */
  public record Example(String source, long line, String detail) {}

  /** All that was found of one issue. */
  public record Finding(Issue issue, long count, List<Example> examples) {
    public Finding {
      examples = List.copyOf(examples);
    }
  }

  private static final Comparator<Seen> ORDER =
      Comparator.comparingInt(Seen::source).thenComparingLong(Seen::line);

  private final long[] counts = new long[Issue.values().length];
  private final List<List<Seen>> examples = new ArrayList<>();

  public DataQuality() {
    for (int i = 0; i < counts.length; i++) {
      examples.add(new ArrayList<>());
    }
  }

  /** True if an example at this place would be kept: callers build the detail text only then. */
  public boolean wants(Issue issue, int source, long line) {
    List<Seen> list = examples.get(issue.ordinal());
    if (list.size() < EXAMPLES) {
      return true;
    }
    return ORDER.compare(new Seen(source, line, ""), list.get(list.size() - 1)) < 0;
  }

  /** Counts one occurrence, keeping it as an example if it is among the earliest. */
  public void add(Issue issue, int source, long line, String detail) {
    counts[issue.ordinal()]++;
    if (wants(issue, source, line)) {
      keep(issue, new Seen(source, line, detail));
    }
  }

  /** Counts one occurrence without an example (when {@link #wants} said no). */
  public void count(Issue issue) {
    counts[issue.ordinal()]++;
  }

  private void keep(Issue issue, Seen seen) {
    List<Seen> list = examples.get(issue.ordinal());
    list.add(seen);
    list.sort(ORDER);
    if (list.size() > EXAMPLES) {
      list.remove(list.size() - 1);
    }
  }

  /** Adds another collector's counts and examples. */
  public void addAll(DataQuality other) {
    for (Issue issue : Issue.values()) {
      counts[issue.ordinal()] += other.counts[issue.ordinal()];
      for (Seen s : other.examples.get(issue.ordinal())) {
        if (wants(issue, s.source(), s.line())) {
          keep(issue, s);
        }
      }
    }
  }

  /** Moves every example's line by {@code delta} (a chunk's lines are counted from its start). */
  public void shiftLines(int source, long delta) {
    for (List<Seen> list : examples) {
      list.replaceAll(
          s -> s.source() == source ? new Seen(s.source(), s.line() + delta, s.detail()) : s);
    }
  }

  public long total(Issue issue) {
    return counts[issue.ordinal()];
  }

  public long total() {
    long t = 0;
    for (long c : counts) {
      t += c;
    }
    return t;
  }

  /** The findings with a count, in {@link Issue} order, examples named by {@code sources}. */
  public List<Finding> findings(List<String> sources) {
    List<Finding> out = new ArrayList<>();
    for (Issue issue : Issue.values()) {
      long c = counts[issue.ordinal()];
      if (c > 0) {
        List<Example> ex =
            examples.get(issue.ordinal()).stream()
                .map(s -> new Example(sources.get(s.source()), s.line(), s.detail()))
                .toList();
        out.add(new Finding(issue, c, ex));
      }
    }
    return out;
  }
}
