package dev.cadence.io.log;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A dictionary of byte strings (cells of one column) to dense ids, without a String or an object
 * per entry: the bytes live in one arena and the table is open-addressed over int arrays. A log of
 * millions of lines holds a few hundred thousand lead ids and a handful of steps, regions and
 * templates; each line costs a hash and a compare, or only a compare when it repeats the line
 * before. Entries must be valid UTF-8: {@link #intern} refuses anything else, so that a bad byte is
 * reported on its line and never reaches a report.
 */
final class ByteInterner {
  /** Eight bytes at a time: hashing and comparing short cells word by word. */
  static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** {@link #intern}'s answer for bytes that are not valid UTF-8. */
  static final int INVALID = -1;

  private byte[] arena = new byte[1 << 10];
  private int arenaSize;
  private int[] offsets = new int[16];
  private int[] lengths = new int[16];
  private int[] hashes = new int[16];
  private int size;
  /*
   * Open addressing with everything a probe compares in one place: per slot {hash, id + 1 (0 =
   * empty), offset, length}. A look-up in a table of a hundred thousand lead ids then costs about
   * two cache misses (the slot, the bytes) instead of one per array.
   */
  private static final int SLOT = 4;
  private int[] slots = new int[32 * SLOT];
  private int last = -1;

  ByteInterner() {}

  /** A dictionary sized for about {@code expected} entries (no rehash until then). */
  ByteInterner(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) * 2;
    slots = new int[capacity * SLOT];
    offsets = new int[Math.max(16, expected)];
    lengths = new int[offsets.length];
    hashes = new int[offsets.length];
    arena = new byte[Math.max(1 << 10, expected * 8)];
  }

  int size() {
    return size;
  }

  /**
   * The id of {@code b[off, off+len)}, added if new; {@link #INVALID} if the bytes are not UTF-8.
   */
  int intern(byte[] b, int off, int len) {
    int l = last;
    if (l >= 0 && lengths[l] == len && equal(arena, offsets[l], b, off, len)) {
      return l;
    }
    return intern(b, off, len, hash(b, off, len), true);
  }

  private int intern(byte[] b, int off, int len, int h, boolean check) {
    int mask = slots.length / SLOT - 1;
    for (int s = h & mask; ; s = (s + 1) & mask) {
      int k = s * SLOT;
      int id = slots[k + 1] - 1;
      if (id < 0) {
        if (check && !Utf8.isValid(b, off, len)) {
          return INVALID;
        }
        id = add(b, off, len, h);
        slots[k] = h;
        slots[k + 1] = id + 1;
        slots[k + 2] = offsets[id];
        slots[k + 3] = len;
        if (size * 2 > slots.length / SLOT) {
          rehash();
        }
        last = id;
        return id;
      }
      if (slots[k] == h && slots[k + 3] == len && equal(arena, slots[k + 2], b, off, len)) {
        last = id;
        return id;
      }
    }
  }

  /** a[ao, ao+len) equals b[bo, bo+len), eight bytes at a time. */
  static boolean equal(byte[] a, int ao, byte[] b, int bo, int len) {
    int i = 0;
    for (; i + 8 <= len; i += 8) {
      if ((long) LONGS.get(a, ao + i) != (long) LONGS.get(b, bo + i)) {
        return false;
      }
    }
    for (; i < len; i++) {
      if (a[ao + i] != b[bo + i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The id of an entry of another interner, added if new. Both hold valid UTF-8 only, and the hash
   * is the one already worked out: merging dictionaries costs a probe per entry, nothing more.
   */
  int intern(ByteInterner other, int otherId) {
    return intern(
        other.arena, other.offsets[otherId], other.lengths[otherId], other.hashes[otherId], false);
  }

  /** The hash of an entry (the same for the same bytes in every interner). */
  int hash(int id) {
    return hashes[id];
  }

  String string(int id) {
    return new String(arena, offsets[id], lengths[id], StandardCharsets.UTF_8);
  }

  private int add(byte[] b, int off, int len, int h) {
    if (arenaSize + len > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaSize + len));
    }
    System.arraycopy(b, off, arena, arenaSize, len);
    if (size == offsets.length) {
      int n = size * 2;
      offsets = Arrays.copyOf(offsets, n);
      lengths = Arrays.copyOf(lengths, n);
      hashes = Arrays.copyOf(hashes, n);
    }
    offsets[size] = arenaSize;
    lengths[size] = len;
    hashes[size] = h;
    arenaSize += len;
    return size++;
  }

  private void rehash() {
    int[] next = new int[slots.length * 2];
    int mask = next.length / SLOT - 1;
    for (int id = 0; id < size; id++) {
      int s = hashes[id] & mask;
      while (next[s * SLOT + 1] != 0) {
        s = (s + 1) & mask;
      }
      int k = s * SLOT;
      next[k] = hashes[id];
      next[k + 1] = id + 1;
      next[k + 2] = offsets[id];
      next[k + 3] = lengths[id];
    }
    slots = next;
  }

  static int hash(byte[] b, int off, int len) {
    long h = len * 0x9E3779B97F4A7C15L;
    int i = 0;
    for (; i + 8 <= len; i += 8) {
      h = (h ^ (long) LONGS.get(b, off + i)) * 0xBF58476D1CE4E5B9L;
    }
    long tail = 0;
    for (int k = len - 1; k >= i; k--) {
      tail = (tail << 8) | (b[off + k] & 0xff);
    }
    h = (h ^ tail) * 0x94D049BB133111EBL;
    return (int) (h ^ (h >>> 31) ^ (h >>> 45));
  }

  /** Strict UTF-8 checks (no replacement characters, no overlongs, no surrogates). */
  static final class Utf8 {
    private Utf8() {}

    static boolean isValid(byte[] b, int off, int len) {
      int i = off;
      int end = off + len;
      while (i < end && b[i] >= 0) {
        i++;
      }
      if (i == end) {
        return true;
      }
      try {
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(b, off, len));
        return true;
      } catch (CharacterCodingException e) {
        return false;
      }
    }
  }
}
