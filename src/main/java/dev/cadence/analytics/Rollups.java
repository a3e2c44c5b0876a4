package dev.cadence.analytics;

import static tech.tablesaw.aggregate.AggregateFunctions.sum;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The contract's metrics (section 5) and the step funnel, rolled up from the touch cube with
 * Tablesaw: the cube becomes a table of a few thousand rows, and each metric is a group-by of it
 * with a Wilson interval per rate.
 */
public final class Rollups {
  public static final String OPEN_RATE_BY_REGION = "open_rate_by_region";
  public static final String OPEN_RATE_BY_REGION_TEMPLATE = "open_rate_by_region_template";
  public static final String RESPONSE_RATE_BY_GAP = "response_rate_by_gap";
  public static final String RESPONSE_RATE_BY_POSITION_CHANNEL =
      "response_rate_by_position_channel";
  public static final String FUNNEL = "funnel";
  public static final String CUBE = "cube";

  /** Every table name, in report order (the cube last: it is the raw material, not a metric). */
  public static final List<String> TABLES =
      List.of(
          OPEN_RATE_BY_REGION,
          OPEN_RATE_BY_REGION_TEMPLATE,
          RESPONSE_RATE_BY_GAP,
          RESPONSE_RATE_BY_POSITION_CHANNEL,
          FUNNEL,
          CUBE);

  private Rollups() {}

  private static Thread warmUp;

  /**
   * Starts loading Tablesaw's classes on another thread: its first table scans the class path for
   * file readers (about half a second in a large jar), which can then overlap the scan of the log.
   * {@link #all} waits for it: Tablesaw's column types initialise each other, and two threads doing
   * that at once deadlock.
   */
  public static synchronized void warmUpInBackground() {
    if (warmUp == null) {
      warmUp =
          new Thread(
              () ->
                  Table.create("warm-up", IntColumn.create("x", new int[] {1}))
                      .summarize("x", sum)
                      .by("x"),
              "cadence-tablesaw-warm-up");
      warmUp.setDaemon(true);
      warmUp.start();
    }
  }

  private static void awaitWarmUp() {
    Thread t;
    synchronized (Rollups.class) {
      t = warmUp;
    }
    if (t == null) {
      return;
    }
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading Tablesaw", e);
    }
  }

  /** All tables, in {@link #TABLES} order. */
  public static List<ReportTable> all(TouchCube cube) {
    awaitWarmUp();
    Table t = cubeTable(cube);
    Table shown = t.copy().removeColumns("position_x_touches");
    shown.removeColumns(Codes.COLUMNS);
    IntColumn gap = shown.intColumn("gap_days");
    for (int r = 0; r < gap.size(); r++) {
      if (gap.getInt(r) == TouchCell.NO_GAP) {
        gap.setMissing(r); // a first touch has no gap, as in the other tables
      }
    }
    return List.of(
        openRate(t, false),
        openRate(t, true),
        byGap(t),
        byPositionChannel(t),
        funnel(t),
        new ReportTable(
            CUBE,
            "Touch cube",
            shown,
            List.of("cadence", "step", "channel", "template", "region", "position", "gap_days"),
            null,
            null,
            null));
  }

  /** The cube as a table: one row per cell. */
  static Table cubeTable(TouchCube cube) {
    List<TouchCell> cells = cube.cells();
    int n = cells.size();
    StringColumn cadence = StringColumn.create("cadence");
    StringColumn step = StringColumn.create("step");
    StringColumn channel = StringColumn.create("channel");
    StringColumn template = StringColumn.create("template");
    StringColumn region = StringColumn.create("region");
    IntColumn position = IntColumn.create("position", n);
    IntColumn gap = IntColumn.create("gap_days", n);
    LongColumn touches = LongColumn.create("touches", n);
    LongColumn bounced = LongColumn.create("bounced", n);
    LongColumn opened = LongColumn.create("opened", n);
    LongColumn responded = LongColumn.create("responded", n);
    LongColumn exits = LongColumn.create("exits", n);
    LongColumn weighted = LongColumn.create("position_x_touches", n);
    for (int i = 0; i < n; i++) {
      TouchCell c = cells.get(i);
      cadence.append(c.cadence());
      step.append(c.step());
      channel.append(c.channel());
      template.append(c.template());
      region.append(c.region());
      position.set(i, c.position());
      gap.set(i, c.gapDays());
      touches.set(i, c.touches());
      bounced.set(i, c.bounced());
      opened.set(i, c.opened());
      responded.set(i, c.responded());
      exits.set(i, cube.exits(i));
      weighted.set(i, (long) c.position() * c.touches());
    }
    Table t =
        Table.create(
            "cube", cadence, step, channel, template, region, position, gap, touches, bounced,
            opened, responded, exits, weighted);
    Codes.addTo(t);
    return t;
  }

  /**
   * Text columns as int codes, ranked in String order, for grouping and sorting. Tablesaw's
   * group-by keys a text column by its dictionary code in a buffer sized for two bytes, which
   * overflows past 65,535 distinct values (a log whose template or region column holds free text):
   * on int codes it never does, and the order stays the text's.
   */
  private static final class Codes {
    static final String[] COLUMNS = {"cadence#", "step#", "channel#", "template#", "region#"};

    static void addTo(Table t) {
      for (String code : COLUMNS) {
        StringColumn text = t.stringColumn(code.substring(0, code.length() - 1));
        TreeMap<String, Integer> rank = new TreeMap<>();
        for (int r = 0; r < text.size(); r++) {
          rank.put(text.get(r), 0);
        }
        int next = 0;
        for (Map.Entry<String, Integer> e : rank.entrySet()) {
          e.setValue(next++);
        }
        IntColumn codes = IntColumn.create(code, text.size());
        for (int r = 0; r < text.size(); r++) {
          codes.set(r, rank.get(text.get(r)));
        }
        t.addColumns(codes);
      }
    }

    /** The text of each code of {@code column}, from the cube table. */
    static String[] texts(Table cube, String column) {
      StringColumn text = cube.stringColumn(column);
      IntColumn codes = cube.intColumn(column + "#");
      String[] out = new String[text.size() == 0 ? 0 : (int) codes.max() + 1];
      for (int r = 0; r < text.size(); r++) {
        out[codes.getInt(r)] = text.get(r);
      }
      return out;
    }
  }

  private static ReportTable openRate(Table cube, boolean byTemplate) {
    Table email = cube.where(cube.stringColumn("channel").isEqualTo("email"));
    String[] groups = byTemplate ? new String[] {"region", "template"} : new String[] {"region"};
    String[] keys = byTemplate ? new String[] {"region#", "template#"} : new String[] {"region#"};
    Table out = Table.create(byTemplate ? OPEN_RATE_BY_REGION_TEMPLATE : OPEN_RATE_BY_REGION);
    for (String g : groups) {
      out.addColumns(StringColumn.create(g));
    }
    LongColumn sent = LongColumn.create("sent");
    LongColumn bounced = LongColumn.create("bounced");
    LongColumn delivered = LongColumn.create("delivered");
    LongColumn opened = LongColumn.create("opened");
    RateColumns rate = new RateColumns("open_rate");
    if (email.rowCount() > 0) {
      Table s = email.summarize("touches", "bounced", "opened", sum).by(keys).sortAscendingOn(keys);
      String[][] texts = new String[groups.length][];
      for (int g = 0; g < groups.length; g++) {
        texts[g] = Codes.texts(cube, groups[g]);
      }
      for (int r = 0; r < s.rowCount(); r++) {
        for (int g = 0; g < groups.length; g++) {
          out.stringColumn(groups[g]).append(texts[g][s.intColumn(keys[g]).getInt(r)]);
        }
        long t = sumAt(s, "touches", r);
        long b = sumAt(s, "bounced", r);
        long o = sumAt(s, "opened", r);
        sent.append(t);
        bounced.append(b);
        delivered.append(t - b);
        opened.append(o);
        rate.append(o, t - b);
      }
    }
    out.addColumns(sent, bounced, delivered, opened);
    rate.addTo(out);
    return new ReportTable(
        out.name(),
        byTemplate ? "Open rate by region and template" : "Open rate by region",
        out,
        List.of(groups),
        "open_rate",
        "ci_low",
        "ci_high");
  }

  private static ReportTable byGap(Table cube) {
    Table out = Table.create(RESPONSE_RATE_BY_GAP);
    IntColumn gap = IntColumn.create("gap_days");
    LongColumn touches = LongColumn.create("touches");
    LongColumn responses = LongColumn.create("responses");
    RateColumns rate = new RateColumns("response_rate");
    if (cube.rowCount() > 0) {
      Table s =
          cube.summarize("touches", "responded", sum).by("gap_days").sortAscendingOn("gap_days");
      for (int r = 0; r < s.rowCount(); r++) {
        int g = s.intColumn("gap_days").getInt(r);
        if (g == TouchCell.NO_GAP) {
          gap.appendMissing(); // a first touch has no gap
        } else {
          gap.append(g);
        }
        long t = sumAt(s, "touches", r);
        long resp = sumAt(s, "responded", r);
        touches.append(t);
        responses.append(resp);
        rate.append(resp, t);
      }
    }
    out.addColumns(gap, touches, responses);
    rate.addTo(out);
    return new ReportTable(
        out.name(),
        "Response rate by gap (days since the previous touch)",
        out,
        List.of("gap_days"),
        "response_rate",
        "ci_low",
        "ci_high");
  }

  private static ReportTable byPositionChannel(Table cube) {
    Table out = Table.create(RESPONSE_RATE_BY_POSITION_CHANNEL);
    IntColumn position = IntColumn.create("position");
    StringColumn channel = StringColumn.create("channel");
    LongColumn touches = LongColumn.create("touches");
    LongColumn responses = LongColumn.create("responses");
    RateColumns rate = new RateColumns("response_rate");
    if (cube.rowCount() > 0) {
      Table s =
          cube.summarize("touches", "responded", sum)
              .by("position", "channel#")
              .sortAscendingOn("position", "channel#");
      String[] channels = Codes.texts(cube, "channel");
      for (int r = 0; r < s.rowCount(); r++) {
        position.append(s.intColumn("position").getInt(r));
        channel.append(channels[s.intColumn("channel#").getInt(r)]);
        long t = sumAt(s, "touches", r);
        long resp = sumAt(s, "responded", r);
        touches.append(t);
        responses.append(resp);
        rate.append(resp, t);
      }
    }
    out.addColumns(position, channel, touches, responses);
    rate.addTo(out);
    return new ReportTable(
        out.name(),
        "Response rate by position and channel",
        out,
        List.of("position", "channel"),
        "response_rate",
        "ci_low",
        "ci_high");
  }

  /**
   * Per cadence and step: touches, responses, and exits (touches that were the lead's last in the
   * cadence), steps in the order leads meet them (mean position).
   */
  private static ReportTable funnel(Table cube) {
    Table out = Table.create(FUNNEL);
    StringColumn cadence = StringColumn.create("cadence");
    StringColumn step = StringColumn.create("step");
    StringColumn channel = StringColumn.create("channel");
    DoubleColumn meanPosition = DoubleColumn.create("mean_position");
    LongColumn touches = LongColumn.create("touches");
    LongColumn responses = LongColumn.create("responses");
    LongColumn exits = LongColumn.create("exits");
    RateColumns rate = new RateColumns("response_rate");
    if (cube.rowCount() > 0) {
      Table s =
          cube.summarize("touches", "responded", "exits", "position_x_touches", sum)
              .by("cadence#", "step#", "channel#");
      DoubleColumn mean =
          ((NumericColumn<?>) s.column("Sum [position_x_touches]"))
              .asDoubleColumn()
              .divide(((NumericColumn<?>) s.column("Sum [touches]")).asDoubleColumn())
              .setName("mean_position");
      s.addColumns(mean);
      s = s.sortOn("cadence#", "mean_position", "step#", "channel#");
      String[] cadences = Codes.texts(cube, "cadence");
      String[] steps = Codes.texts(cube, "step");
      String[] channels = Codes.texts(cube, "channel");
      for (int r = 0; r < s.rowCount(); r++) {
        cadence.append(cadences[s.intColumn("cadence#").getInt(r)]);
        step.append(steps[s.intColumn("step#").getInt(r)]);
        channel.append(channels[s.intColumn("channel#").getInt(r)]);
        meanPosition.append(Math.round(s.doubleColumn("mean_position").getDouble(r) * 100) / 100.0);
        long t = sumAt(s, "touches", r);
        long resp = sumAt(s, "responded", r);
        touches.append(t);
        responses.append(resp);
        exits.append(sumAt(s, "exits", r));
        rate.append(resp, t);
      }
    }
    out.addColumns(cadence, step, channel, meanPosition, touches, responses);
    rate.addTo(out);
    out.addColumns(exits);
    return new ReportTable(
        out.name(),
        "Step funnel",
        out,
        List.of("cadence", "step", "channel"),
        "response_rate",
        "ci_low",
        "ci_high");
  }

  private static long sumAt(Table s, String column, int row) {
    return Math.round(((NumericColumn<?>) s.column("Sum [" + column + "]")).getDouble(row));
  }

  /** A rate and its Wilson interval, appended row by row; NaN (missing) for an empty sample. */
  private static final class RateColumns {
    final DoubleColumn rate;
    final DoubleColumn low = DoubleColumn.create("ci_low");
    final DoubleColumn high = DoubleColumn.create("ci_high");

    RateColumns(String name) {
      rate = DoubleColumn.create(name);
    }

    void append(long successes, long n) {
      Wilson.Interval i = Wilson.of(successes, n);
      rate.append(i.rate());
      low.append(i.low());
      high.append(i.high());
    }

    void addTo(Table t) {
      t.addColumns(rate, low, high);
    }
  }
}
