package dev.cadence.analytics;

import java.util.Arrays;

/**
 * Cells of the touch cube being built, keyed by (signature, position, gap) in open-addressed
 * primitive arrays: one worker's cells, merged at the end.
 */
final class CellMap {
  /** Counts per cell: touches, bounced, opened, responded, exits. */
  static final int COUNTS = 5;

  private int[] sig = new int[256];
  private int[] position = new int[256];
  private int[] gap = new int[256];
  private long[] counts = new long[256 * COUNTS];
  private int size;
  private int[] slots = new int[512];

  int size() {
    return size;
  }

  int sig(int cell) {
    return sig[cell];
  }

  int position(int cell) {
    return position[cell];
  }

  int gap(int cell) {
    return gap[cell];
  }

  long[] counts(int cell) {
    return Arrays.copyOfRange(counts, cell * COUNTS, cell * COUNTS + COUNTS);
  }

  void add(int s, int p, int g, boolean bounced, boolean opened, boolean responded, boolean exit) {
    int c = cell(s, p, g) * COUNTS;
    counts[c]++;
    counts[c + 1] += bounced ? 1 : 0;
    counts[c + 2] += opened ? 1 : 0;
    counts[c + 3] += responded ? 1 : 0;
    counts[c + 4] += exit ? 1 : 0;
  }

  void addAll(CellMap other) {
    for (int o = 0; o < other.size; o++) {
      int c = cell(other.sig[o], other.position[o], other.gap[o]) * COUNTS;
      for (int k = 0; k < COUNTS; k++) {
        counts[c + k] += other.counts[o * COUNTS + k];
      }
    }
  }

  private int cell(int s, int p, int g) {
    int h = (s * 0x9E3779B1) ^ (p * 0x85EBCA6B) ^ (g * 0xC2B2AE35);
    h ^= h >>> 15;
    int mask = slots.length - 1;
    for (int i = h & mask; ; i = (i + 1) & mask) {
      int c = slots[i] - 1;
      if (c < 0) {
        c = append(s, p, g);
        slots[i] = c + 1;
        if (size * 2 > slots.length) {
          rehash();
        }
        return c;
      }
      if (sig[c] == s && position[c] == p && gap[c] == g) {
        return c;
      }
    }
  }

  private int append(int s, int p, int g) {
    if (size == sig.length) {
      int n = size * 2;
      sig = Arrays.copyOf(sig, n);
      position = Arrays.copyOf(position, n);
      gap = Arrays.copyOf(gap, n);
      counts = Arrays.copyOf(counts, n * COUNTS);
    }
    sig[size] = s;
    position[size] = p;
    gap[size] = g;
    return size++;
  }

  private void rehash() {
    slots = new int[slots.length * 2];
    int mask = slots.length - 1;
    for (int c = 0; c < size; c++) {
      int h = (sig[c] * 0x9E3779B1) ^ (position[c] * 0x85EBCA6B) ^ (gap[c] * 0xC2B2AE35);
      h ^= h >>> 15;
      int i = h & mask;
      while (slots[i] != 0) {
        i = (i + 1) & mask;
      }
      slots[i] = c + 1;
    }
  }
}
