package dev.cadence.analytics;

import dev.cadence.analytics.recommend.Recommender;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code analyze} reports, rendered by every format from this one object: the tables,
 * the data-quality findings, and what was read.
 *
 * @param problems files that could not be used at all, one message each
 * @param tests the statistics of the recommendations the JSON report carries (contract section 5)
 */
public record Analysis(
    Summary summary,
    List<ReportTable> tables,
    List<DataQuality.Finding> findings,
    List<FileSummary> files,
    List<String> problems,
    TouchCube cube,
    Recommender.Settings tests) {
  public Analysis {
    tables = List.copyOf(tables);
    findings = List.copyOf(findings);
    files = List.copyOf(files);
    problems = List.copyOf(problems);
  }

  /** What was read and counted. {@code skipped}: lines read but not counted (see the findings). */
  public record Summary(
      long records, long events, long touches, long leads, long skipped, List<String> where) {
    public Summary {
      where = List.copyOf(where);
    }
  }

  /** One input file: its name, non-blank records after the header, events kept. */
  public record FileSummary(String source, long records, long events) {}

  /**
   * As {@link #of(TouchCube, DataQuality, List, List, List, List, Recommender.Settings)}, with the
   * default tests.
   */
  public static Analysis of(
      TouchCube cube,
      DataQuality scanQuality,
      List<String> sources,
      List<FileSummary> files,
      List<String> problems,
      List<String> where) {
    return of(cube, scanQuality, sources, files, problems, where, Recommender.Settings.DEFAULT);
  }

  /** Builds the analysis of {@code cube}, with the reader's and the cube's findings together. */
  public static Analysis of(
      TouchCube cube,
      DataQuality scanQuality,
      List<String> sources,
      List<FileSummary> files,
      List<String> problems,
      List<String> where,
      Recommender.Settings tests) {
    DataQuality all = new DataQuality();
    all.addAll(scanQuality);
    all.addAll(cube.quality());
    List<DataQuality.Finding> findings = all.findings(sources);
    long skipped = 0;
    for (DataQuality.Finding f : findings) {
      if (f.issue().effect() == Issue.Effect.SKIPPED) {
        skipped += f.count();
      }
    }
    long records = 0;
    for (FileSummary f : files) {
      records += f.records();
    }
    long touches = 0;
    for (TouchCell c : cube.cells()) {
      touches += c.touches();
    }
    TouchCube.Totals totals = cube.totals();
    Summary summary =
        new Summary(records, totals.events(), touches, totals.leads(), skipped, where);
    return new Analysis(
        summary, Rollups.all(cube), findings, files, new ArrayList<>(problems), cube, tests);
  }

  public ReportTable table(String name) {
    return tables.stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no table " + name));
  }
}
