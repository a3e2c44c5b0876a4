package dev.cadence.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The touch cube of an outcome log: every touch counted once in the cell of its dimensions, with
 * what it led to (contract section 5). Built from {@link RawEvents} by {@link CubeBuilder}; every
 * metric of {@code analyze} and every rule of {@code recommend} is a roll-up of {@link #cells()}.
 *
 * <p>Besides the cells it keeps, per cell, the touches that were their lead's last touch in the
 * cadence ({@link #exits}), for the step funnel; and the data-quality findings of attributing
 * responses to touches.
 */
public final class TouchCube {
  /** Orders cells by their dimensions, text ones first, for stable output. */
  public static final Comparator<TouchCell> ORDER =
      Comparator.comparing(TouchCell::cadence)
          .thenComparing(TouchCell::step)
          .thenComparing(TouchCell::channel)
          .thenComparing(TouchCell::template)
          .thenComparing(TouchCell::region)
          .thenComparingInt(TouchCell::position)
          .thenComparingInt(TouchCell::gapDays);

  /** What the cube was built from, for the report's summary. */
  public record Totals(long events, long touches, long leads, long responsesCounted) {}

  private final List<TouchCell> cells;
  private final long[] exits;
  private final DataQuality quality;
  private final Totals totals;

  TouchCube(List<TouchCell> cells, long[] exits, DataQuality quality, Totals totals) {
    if (exits.length != cells.size()) {
      throw new IllegalArgumentException(
          exits.length + " exit counts for " + cells.size() + " cells");
    }
    this.cells = List.copyOf(cells);
    this.exits = exits.clone();
    this.quality = quality;
    this.totals = totals;
  }

  /** Builds the cube of {@code events} on {@code threads} workers. */
  public static TouchCube build(RawEvents events, int threads) {
    return new CubeBuilder(events).build(Math.max(1, threads));
  }

  /** The cells, sorted by {@link #ORDER}. */
  public List<TouchCell> cells() {
    return cells;
  }

  /** Touches of cell {@code index} that were their lead's last touch in the cadence. */
  public long exits(int index) {
    return exits[index];
  }

  /** Findings of response attribution (scan findings are the reader's). */
  public DataQuality quality() {
    return quality;
  }

  public Totals totals() {
    return totals;
  }

  /** The cube restricted to the cells {@code keep} accepts (findings and totals unchanged). */
  public TouchCube filter(Predicate<TouchCell> keep) {
    List<TouchCell> kept = new ArrayList<>();
    long[] keptExits = new long[cells.size()];
    for (int i = 0; i < cells.size(); i++) {
      if (keep.test(cells.get(i))) {
        keptExits[kept.size()] = exits[i];
        kept.add(cells.get(i));
      }
    }
    return new TouchCube(kept, Arrays.copyOf(keptExits, kept.size()), quality, totals);
  }
}
