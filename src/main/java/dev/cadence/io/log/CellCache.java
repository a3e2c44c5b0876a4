package dev.cadence.io.log;

import java.util.HashMap;
import java.util.Map;

/**
 * The encoded CSV cells of values that repeat from line to line (cadence, step, template, region,
 * event, the current lead's id), so that each is escaped and encoded once per chunk. Consecutive
 * lines mostly hold the very same strings in a column: that case costs one comparison.
 */
final class CellCache {
  private static final int MAX = 4_096;

  private final Map<String, byte[]> cells = new HashMap<>();
  private final Utf8Buffer scratch = new Utf8Buffer(64);
  private final String[] lastValue;
  private final byte[][] lastCell;

  /**
   * Per column, the last few distinct values by identity: the cadence's own strings (step ids,
   * templates) and the event names are the same instances on every line, so a column that
   * alternates between a few of them (an email's template, then a call's empty one) needs no
   * hashing.
   */
  private final String[][] recentValue;

  private final byte[][][] recentCell;
  private final int[] nextRecent;

  private static final int RECENT = 8;

  CellCache(int columns) {
    lastValue = new String[columns];
    lastCell = new byte[columns][];
    recentValue = new String[columns][RECENT];
    recentCell = new byte[columns][RECENT][];
    nextRecent = new int[columns];
  }

  /**
   * The cell of a value that does not come back once the column moves on (a lead id: a lead's
   * events are consecutive): only the last one is kept, nothing is hashed or stored.
   */
  byte[] lastOnly(int column, String value) {
    if (value != lastValue[column]) {
      scratch.setSize(0);
      OutcomeLog.appendCell(scratch, value);
      lastValue[column] = value;
      lastCell[column] = scratch.toByteArray();
    }
    return lastCell[column];
  }

  byte[] cell(int column, String value) {
    if (value == lastValue[column]) {
      return lastCell[column];
    }
    String[] recent = recentValue[column];
    for (int i = 0; i < RECENT; i++) {
      if (recent[i] == value) {
        byte[] cell = recentCell[column][i];
        lastValue[column] = value;
        lastCell[column] = cell;
        return cell;
      }
    }
    byte[] cached = cells.get(value);
    if (cached == null) {
      scratch.setSize(0);
      OutcomeLog.appendCell(scratch, value);
      cached = scratch.toByteArray();
      if (cells.size() >= MAX) {
        cells.clear(); // lead ids never repeat across leads: keep the map small
      }
      cells.put(value, cached);
    }
    int slot = nextRecent[column];
    recent[slot] = value;
    recentCell[column][slot] = cached;
    nextRecent[column] = (slot + 1) % RECENT;
    lastValue[column] = value;
    lastCell[column] = cached;
    return cached;
  }
}
