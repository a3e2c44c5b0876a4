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

  CellCache(int columns) {
    lastValue = new String[columns];
    lastCell = new byte[columns][];
  }

  byte[] cell(int column, String value) {
    if (value == lastValue[column]) {
      return lastCell[column];
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
    lastValue[column] = value;
    lastCell[column] = cached;
    return cached;
  }
}
