package dev.cadence.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.io.log.OutcomeLogReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * analyze's counts against DuckDB running bench/analyze-anchor.sql on the same messy logs: every
 * count of every contract metric, the funnel and the attribution findings must agree exactly.
 */
class AnchorAgreementTest {
  @TempDir Path dir;

  @Test
  void everyCountAgreesWithDuckDbOnAMessyLog() throws Exception {
    List<Path> logs = MessyLog.write(dir, 42, 600);
    Map<String, List<String>> duck = AnchorQuery.run(logs, 2);
    Map<String, List<String>> ours = ours(logs, 2, duck);
    assertThat(duck.keySet())
        .containsExactly(
            "open_rate_by_region",
            "open_rate_by_region_template",
            "response_rate_by_gap",
            "response_rate_by_position_channel",
            "funnel",
            "data_quality");
    for (String name : duck.keySet()) {
      assertThat(ours.get(name)).as(name).containsExactlyElementsOf(duck.get(name));
    }
    // The log is messy enough that each rule was exercised.
    assertThat(duck.get("data_quality")).noneMatch(r -> r.endsWith("count=0"));
  }

  @Test
  void agreesWhateverTheThreadsAndChunks() throws Exception {
    List<Path> logs = MessyLog.write(dir, 7, 300);
    Map<String, List<String>> duck = AnchorQuery.run(logs, 1);
    assertThat(ours(logs, 1, duck)).isEqualTo(ours(logs, 3, duck));
    assertThat(ours(logs, 1, duck)).isEqualTo(duck);
  }

  /** analyze's tables in the anchor's form: the anchor's columns, "col=value" rows, sorted. */
  static Map<String, List<String>> ours(
      List<Path> logs, int threads, Map<String, List<String>> like) {
    OutcomeLogReader.Result read = new OutcomeLogReader(Map.of(), threads).read(logs);
    TouchCube cube = TouchCube.build(read.events(), threads);
    Analysis a =
        Analysis.of(cube, read.quality(), read.events().sources(), List.of(), List.of(), List.of());
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : like.entrySet()) {
      if (e.getKey().equals("data_quality")) {
        List<String> rows = new ArrayList<>();
        for (String row : e.getValue()) {
          String code = row.substring("code=".length(), row.indexOf(" | "));
          long count =
              a.findings().stream()
                  .filter(f -> f.issue().code().equals(code))
                  .mapToLong(DataQuality.Finding::count)
                  .sum();
          rows.add("code=" + code + " | count=" + count);
        }
        out.put(e.getKey(), rows);
        continue;
      }
      List<String> columns = columnsOf(e.getValue());
      Table t = a.table(e.getKey()).table();
      List<String> rows = new ArrayList<>();
      for (int r = 0; r < t.rowCount(); r++) {
        List<String> cells = new ArrayList<>();
        for (String c : columns) {
          Column<?> col = t.column(c);
          cells.add(c + "=" + (col.isMissing(r) ? "" : col.getString(r)));
        }
        rows.add(String.join(" | ", cells));
      }
      rows.sort(null);
      out.put(e.getKey(), rows);
    }
    return out;
  }

  private static List<String> columnsOf(List<String> rows) {
    List<String> columns = new ArrayList<>();
    if (!rows.isEmpty()) {
      for (String cell : rows.get(0).split(" \\| ")) {
        columns.add(cell.substring(0, cell.indexOf('=')));
      }
    }
    return columns;
  }
}
