package dev.cadence.io.log;

import dev.cadence.concurrent.Futures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;

/**
 * Joins the parsing threads' lead dictionaries into one set of dense lead ids, on several threads.
 *
 * <p>Each thread owns the leads whose hash falls in its share and interns only those, dictionary
 * after dictionary; a thread's ids then follow the ids of the threads before it. Which lead gets
 * which id depends on which thread parsed which chunk, so ids are not stable from run to run; no
 * result depends on them, only on which rows share a lead.
 */
final class LeadMerge {
  /** Per dictionary, local id to global id; and how many leads there are in all. */
  record Merged(int[][] ids, int size) {}

  private LeadMerge() {}

  static Merged merge(List<ByteInterner> dictionaries, int parts, ExecutorService pool) {
    int k = dictionaries.size();
    int[][] ids = new int[k][];
    long entries = 0;
    for (int c = 0; c < k; c++) {
      ids[c] = new int[dictionaries.get(c).size()];
      entries += ids[c].length;
    }
    // One table per share, sized from the entries per dictionary (each thread's dictionary usually
    // holds most of the leads), and never below a quarter of all entries.
    int expected = (int) Math.min(1 << 24, Math.max(entries / Math.max(1, k), entries / 4) / parts);
    ByteInterner[] shares = new ByteInterner[parts];
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int p = 0; p < parts; p++) {
      int part = p;
      tasks.add(
          () -> {
            ByteInterner mine = new ByteInterner(expected);
            for (int c = 0; c < k; c++) {
              ByteInterner d = dictionaries.get(c);
              int[] map = ids[c];
              for (int l = 0; l < map.length; l++) {
                if (share(d.hash(l), parts) == part) {
                  map[l] = mine.intern(d, l);
                }
              }
            }
            shares[part] = mine;
            return null;
          });
    }
    Futures.runAll(pool, tasks);
    int[] base = new int[parts + 1];
    for (int p = 0; p < parts; p++) {
      base[p + 1] = base[p] + shares[p].size();
    }
    if (parts > 1) {
      List<Callable<Void>> offsets = new ArrayList<>();
      for (int c = 0; c < k; c++) {
        int chunk = c;
        offsets.add(
            () -> {
              ByteInterner d = dictionaries.get(chunk);
              int[] map = ids[chunk];
              for (int l = 0; l < map.length; l++) {
                map[l] += base[share(d.hash(l), parts)];
              }
              return null;
            });
      }
      Futures.runAll(pool, offsets);
    }
    return new Merged(ids, base[parts]);
  }

  /**
   * The share a hash belongs to, from its high bits after a remix: the tables index slots by the
   * low bits, which must stay evenly spread within a share.
   */
  static int share(int hash, int parts) {
    return (int) ((((hash & 0xFFFFFFFFL) * 0x9E3779B97F4A7C15L) >>> 33) % parts);
  }
}
