package dev.cadence.io.log;

import java.util.HashMap;
import java.util.Map;

/**
 * The encoded CSV cells of values that repeat on every line (cadence, step, template, region,
 * event, the current lead's id), so that each is escaped and encoded once per chunk.
 */
final class CellCache {
  private static final int MAX = 4_096;

  private final Map<String, byte[]> cells = new HashMap<>();
  private final Utf8Buffer scratch = new Utf8Buffer(64);

  byte[] cell(String value) {
    byte[] cached = cells.get(value);
    if (cached == null) {
      scratch.setSize(0);
      OutcomeLog.appendCell(scratch, value);
      cached = scratch.toByteArray();
      if (cells.size() >= MAX) {
        cells.clear(); // lead ids never repeat across leads: keep the cache small
      }
      cells.put(value, cached);
    }
    return cached;
  }
}
