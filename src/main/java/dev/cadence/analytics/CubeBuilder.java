package dev.cadence.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns raw events into the touch cube in two passes over primitive arrays: a counting sort of the
 * rows by lead, then, lead by lead on several workers, a small sort of that lead's rows and one
 * walk that dedups touches, attributes responses and ranks the touches.
 *
 * <p>The definitions (docs/analytics.md; bench/analyze-anchor.sql computes the same in SQL):
 *
 * <ul>
 *   <li>A touch is a touch event. Touch events of the same lead, cadence, step and instant are one
 *       touch (the first in input order): a duplicate-touch finding for the others.
 *   <li>A response event belongs to the latest touch of the same (lead, cadence, step) at or before
 *       its instant; if every such touch is later, to the earliest of them (response-before-touch);
 *       if there is none, it is not counted (response-without-touch).
 *   <li>Position: 1-based rank of the touch among the lead's touches in the cadence, ordered by
 *       instant, then by step id (code-point order). Gap: UTC-date difference in days to the
 *       previous touch in that order; none for the first.
 *   <li>Exits: a touch that is the lead's last touch in the cadence.
 * </ul>
 */
final class CubeBuilder {
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private final RawEvents ev;
  private final int n;

  /** Per signature: a dense cadence id and the rank of the step id in code-point order. */
  private final int[] cadenceOf;

  private final int[] stepRankOf;
  private final long[] micros;
  private final int[] sigOf;
  private final byte[] eventOf;

  CubeBuilder(RawEvents ev) {
    this.ev = ev;
    this.n = ev.size();
    List<Signature> sigs = ev.signatures();
    cadenceOf = new int[sigs.size()];
    stepRankOf = new int[sigs.size()];
    Map<String, Integer> cadences = new HashMap<>();
    TreeSet<String> steps = new TreeSet<>(CubeBuilder::compareCodePoints);
    for (Signature s : sigs) {
      steps.add(s.step());
    }
    Map<String, Integer> rank = new HashMap<>();
    for (String s : steps) {
      rank.put(s, rank.size());
    }
    for (int i = 0; i < sigs.size(); i++) {
      cadenceOf[i] = cadences.computeIfAbsent(sigs.get(i).cadence(), k -> cadences.size());
      stepRankOf[i] = rank.get(sigs.get(i).step());
    }
    micros = ev.micros;
    sigOf = ev.signature;
    eventOf = ev.event;
  }

  /** UTF-8 byte order, which is what SQL engines compare strings by. */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  TouchCube build(int threads) {
    int leads = ev.leads();
    int[] start = new int[leads + 1];
    for (int r = 0; r < n; r++) {
      start[ev.lead[r] + 1]++;
    }
    for (int l = 0; l < leads; l++) {
      start[l + 1] += start[l];
    }
    int[] perm = new int[n];
    int[] fill = Arrays.copyOf(start, leads);
    for (int r = 0; r < n; r++) {
      perm[fill[ev.lead[r]]++] = r;
    }
    fill = null;
    int parts = Math.min(threads, Math.max(1, n / 50_000));
    Worker[] workers = new Worker[parts];
    Thread[] running = new Thread[parts];
    int from = 0;
    for (int p = 0; p < parts; p++) {
      int to = p == parts - 1 ? leads : leadAtRow(start, (long) n * (p + 1) / parts, from);
      workers[p] = new Worker(perm, start, from, to);
      from = to;
    }
    for (int p = 1; p < parts; p++) {
      running[p] = new Thread(workers[p], "cadence-cube-" + p);
      running[p].start();
    }
    workers[0].run();
    for (int p = 1; p < parts; p++) {
      try {
        running[p].join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while building the touch cube", e);
      }
    }
    for (Worker w : workers) {
      if (w.failure != null) {
        throw w.failure;
      }
    }
    return merge(workers);
  }

  /** The first lead at or after {@code from} whose rows start at or after {@code row}. */
  private static int leadAtRow(int[] start, long row, int from) {
    int i = Arrays.binarySearch(start, from, start.length - 1, (int) row);
    int l = i >= 0 ? i : -i - 1;
    return Math.max(from, Math.min(l, start.length - 1));
  }

  private TouchCube merge(Worker[] workers) {
    CellMap all = workers[0].cells;
    DataQuality quality = workers[0].quality;
    long touches = workers[0].touches;
    long leadsTouched = workers[0].leadsTouched;
    long responses = workers[0].responses;
    for (int p = 1; p < workers.length; p++) {
      all.addAll(workers[p].cells);
      quality.addAll(workers[p].quality);
      touches += workers[p].touches;
      leadsTouched += workers[p].leadsTouched;
      responses += workers[p].responses;
    }
    List<Signature> sigs = ev.signatures();
    List<TouchCell> cells = new ArrayList<>(all.size());
    List<long[]> exits = new ArrayList<>(all.size());
    for (int c = 0; c < all.size(); c++) {
      Signature s = sigs.get(all.sig(c));
      long[] k = all.counts(c);
      cells.add(
          new TouchCell(
              s.cadence(),
              s.step(),
              s.channel(),
              s.template(),
              s.region(),
              all.position(c),
              all.gap(c),
              k[0],
              k[1],
              k[2],
              k[3]));
      exits.add(new long[] {k[4]});
    }
    Integer[] order = new Integer[cells.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> TouchCube.ORDER.compare(cells.get(a), cells.get(b)));
    List<TouchCell> sorted = new ArrayList<>(cells.size());
    long[] sortedExits = new long[cells.size()];
    for (int i = 0; i < order.length; i++) {
      sorted.add(cells.get(order[i]));
      sortedExits[i] = exits.get(order[i])[0];
    }
    return new TouchCube(
        sorted, sortedExits, quality, new TouchCube.Totals(n, touches, leadsTouched, responses));
  }

  /** Walks the leads [from, to) into its own cells and findings. */
  private final class Worker implements Runnable {
    final int[] perm;
    final int[] start;
    final int from;
    final int to;
    final CellMap cells = new CellMap();
    final DataQuality quality = new DataQuality();
    long touches;
    long leadsTouched;
    long responses;
    RuntimeException failure;
    // Buffers reused from lead to lead.
    int[] group = new int[64];
    int[] tmp = new int[64];
    int[] touchRow = new int[64];
    int[] touchFlags = new int[64];
    int[] pending = new int[16];

    Worker(int[] perm, int[] start, int from, int to) {
      this.perm = perm;
      this.start = start;
      this.from = from;
      this.to = to;
    }

    @Override
    public void run() {
      try {
        for (int l = from; l < to; l++) {
          lead(start[l], start[l + 1]);
        }
      } catch (RuntimeException e) {
        failure = e;
      }
    }

    private void lead(int a, int b) {
      int size = b - a;
      if (size > group.length) {
        group = new int[Integer.highestOneBit(size) * 2];
        tmp = new int[group.length];
      }
      System.arraycopy(perm, a, group, 0, size);
      sort(group, tmp, size, CubeBuilder.this::byGroup);
      boolean touched = false;
      for (int i = 0; i < size; ) {
        int cadence = cadenceOf[sigOf[group[i]]];
        int j = i;
        while (j < size && cadenceOf[sigOf[group[j]]] == cadence) {
          j++;
        }
        touched |= cadence(i, j);
        i = j;
      }
      if (touched) {
        leadsTouched++;
      }
    }

    /** The lead's rows group[i, j) of one cadence, sorted by step, instant, touches first, row. */
    private boolean cadence(int i, int j) {
      int count = 0;
      int k = i;
      while (k < j) {
        int rank = stepRankOf[sigOf[group[k]]];
        int last = -1;
        int pendingCount = 0;
        for (; k < j && stepRankOf[sigOf[group[k]]] == rank; k++) {
          int r = group[k];
          int e = eventOf[r];
          if (EventCodes.isTouch(e)) {
            if (last >= 0 && micros[touchRow[last]] == micros[r]) {
              finding(
                  Issue.DUPLICATE_TOUCH,
                  r,
                  "same lead, cadence, step and instant as line " + ev.line(touchRow[last]));
              continue;
            }
            if (count == touchRow.length) {
              touchRow = Arrays.copyOf(touchRow, count * 2);
              touchFlags = Arrays.copyOf(touchFlags, count * 2);
            }
            touchRow[count] = r;
            int flags = 0;
            for (int p = 0; p < pendingCount; p++) {
              flags |= EventCodes.flags(eventOf[pending[p]]);
              finding(
                  Issue.RESPONSE_BEFORE_TOUCH,
                  pending[p],
                  "counted on the touch at line " + ev.line(r));
            }
            responses += pendingCount;
            pendingCount = 0;
            touchFlags[count] = flags;
            last = count++;
          } else if (last >= 0) {
            touchFlags[last] |= EventCodes.flags(e);
            responses++;
          } else {
            if (pendingCount == pending.length) {
              pending = Arrays.copyOf(pending, pendingCount * 2);
            }
            pending[pendingCount++] = r;
          }
        }
        for (int p = 0; p < pendingCount; p++) {
          finding(
              Issue.RESPONSE_WITHOUT_TOUCH,
              pending[p],
              "no `"
                  + ev.signatures().get(sigOf[pending[p]]).step()
                  + "` touch of this lead in this cadence");
        }
      }
      if (count == 0) {
        return false;
      }
      rankTouches(count);
      long previousDay = 0;
      for (int t = 0; t < count; t++) {
        int r = touchRow[t];
        int flags = touchFlags[t];
        long day = Math.floorDiv(micros[r], MICROS_PER_DAY);
        int gap =
            t == 0 ? TouchCell.NO_GAP : (int) Math.min(Integer.MAX_VALUE - 1, day - previousDay);
        previousDay = day;
        boolean bounced = (flags & EventCodes.BOUNCED) != 0;
        cells.add(
            sigOf[r],
            t + 1,
            gap,
            bounced,
            !bounced && (flags & EventCodes.OPENED) != 0,
            (flags & EventCodes.RESPONDED) != 0,
            t == count - 1);
      }
      touches += count;
      return true;
    }

    /** Reorders touchRow/touchFlags[0, count) by instant, then step (unique after the dedup). */
    private void rankTouches(int count) {
      if (count > 32) { // a lead with very many touches: sort row ids, then refetch the flags
        int[] rows = Arrays.copyOf(touchRow, count);
        int[] flagsOfRow = new int[count];
        int[] idx = new int[count];
        for (int t = 0; t < count; t++) {
          idx[t] = t;
        }
        int[] rowsRef = rows;
        sort(idx, new int[count], count, (x, y) -> byTime(rowsRef[x], rowsRef[y]));
        System.arraycopy(touchFlags, 0, flagsOfRow, 0, count);
        for (int t = 0; t < count; t++) {
          touchRow[t] = rows[idx[t]];
          touchFlags[t] = flagsOfRow[idx[t]];
        }
        return;
      }
      for (int x = 1; x < count; x++) {
        int row = touchRow[x];
        int flags = touchFlags[x];
        int y = x - 1;
        while (y >= 0 && byTime(touchRow[y], row) > 0) {
          touchRow[y + 1] = touchRow[y];
          touchFlags[y + 1] = touchFlags[y];
          y--;
        }
        touchRow[y + 1] = row;
        touchFlags[y + 1] = flags;
      }
    }

    private void finding(Issue issue, int row, String detail) {
      int source = ev.source(row);
      long line = ev.line(row);
      if (quality.wants(issue, source, line)) {
        quality.add(issue, source, line, detail);
      } else {
        quality.count(issue);
      }
    }
  }

  private int byTime(int r1, int r2) {
    int c = Long.compare(micros[r1], micros[r2]);
    return c != 0 ? c : Integer.compare(stepRankOf[sigOf[r1]], stepRankOf[sigOf[r2]]);
  }

  /** Group order: cadence, step, instant, touches before responses, input order. */
  private int byGroup(int r1, int r2) {
    int s1 = sigOf[r1];
    int s2 = sigOf[r2];
    int c = Integer.compare(cadenceOf[s1], cadenceOf[s2]);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(stepRankOf[s1], stepRankOf[s2]);
    if (c != 0) {
      return c;
    }
    c = Long.compare(micros[r1], micros[r2]);
    if (c != 0) {
      return c;
    }
    boolean t1 = EventCodes.isTouch(eventOf[r1]);
    boolean t2 = EventCodes.isTouch(eventOf[r2]);
    if (t1 != t2) {
      return t1 ? -1 : 1;
    }
    return Integer.compare(r1, r2);
  }

  /** An order on ints (row ids or indices), without boxing. */
  @FunctionalInterface
  interface IntOrder {
    int compare(int a, int b);
  }

  /** Sorts a[0, size) by {@code order}: insertion sort for the usual few items, else merge sort. */
  static void sort(int[] a, int[] tmp, int size, IntOrder order) {
    mergeSort(a, tmp, 0, size, order);
  }

  private static void mergeSort(int[] a, int[] tmp, int lo, int hi, IntOrder order) {
    if (hi - lo <= 32) {
      for (int x = lo + 1; x < hi; x++) {
        int v = a[x];
        int y = x - 1;
        while (y >= lo && order.compare(a[y], v) > 0) {
          a[y + 1] = a[y];
          y--;
        }
        a[y + 1] = v;
      }
      return;
    }
    int mid = (lo + hi) >>> 1;
    mergeSort(a, tmp, lo, mid, order);
    mergeSort(a, tmp, mid, hi, order);
    if (order.compare(a[mid - 1], a[mid]) <= 0) {
      return;
    }
    System.arraycopy(a, lo, tmp, lo, hi - lo);
    int i = lo;
    int j = mid;
    for (int k = lo; k < hi; k++) {
      if (j >= hi || (i < mid && order.compare(tmp[i], tmp[j]) <= 0)) {
        a[k] = tmp[i++];
      } else {
        a[k] = tmp[j++];
      }
    }
  }
}
