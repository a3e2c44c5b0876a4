import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's anchors: runs an anchor query (bench/analyze-anchor.sql, or the simpler
 * bench/analyze-anchor-simple.sql) in DuckDB (JDBC, in memory) over the logs and prints every
 * result as "TABLE | col=value | ..." lines, sorted, for bench/analyze.sh to compare with analyze's
 * counts. Usage: java -cp duckdb_jdbc.jar:. AnalyzeAnchor SQL THREADS LOG... (compile it first:
 * timing a single-file launch would time javac too). With "json FILE" instead, prints the same
 * lines from the counts of an `analyze --format json` report (Jackson from target/cadence.jar on
 * the class path).
 */
public final class AnalyzeAnchor {
  /** The columns each result of the anchor query has, in its order. */
  private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put("open_rate_by_region", List.of("region", "sent", "bounced", "opened"));
    COLUMNS.put(
        "open_rate_by_region_template", List.of("region", "template", "sent", "bounced", "opened"));
    COLUMNS.put("response_rate_by_gap", List.of("gap_days", "touches", "responses"));
    COLUMNS.put(
        "response_rate_by_position_channel",
        List.of("position", "channel", "touches", "responses"));
    COLUMNS.put("funnel", List.of("cadence", "step", "channel", "touches", "responses", "exits"));
  }

  private static final List<String> FINDINGS =
      List.of(
          "bad-timestamp",
          "duplicate-touch",
          "response-before-touch",
          "response-without-touch",
          "unknown-event");

  public static void main(String[] args) throws Exception {
    if (args[0].equals("json")) {
      fromJson(Path.of(args[1]));
      return;
    }
    String text = Files.readString(Path.of(args[0]));
    StringBuilder logs = new StringBuilder("[");
    for (int i = 2; i < args.length; i++) {
      logs.append(i > 2 ? ", " : "").append('\'').append(args[i].replace("'", "''")).append('\'');
    }
    text = text.replace("${logs}", logs.append(']')).replace("${threads}", args[1]);
    Pattern result = Pattern.compile("^-- result: (\\w+)$", Pattern.MULTILINE);
    List<String> out = new ArrayList<>();
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      for (String statement : text.split(";\\s*\\n")) {
        String sql = statement.strip();
        if (sql.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"))) {
          continue;
        }
        Matcher m = result.matcher(sql);
        if (!m.find()) {
          st.execute(sql);
          continue;
        }
        try (ResultSet rs = st.executeQuery(sql)) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            StringBuilder line = new StringBuilder(m.group(1));
            for (int i = 1; i <= md.getColumnCount(); i++) {
              Object v = rs.getObject(i);
              line.append(" | ")
                  .append(md.getColumnLabel(i))
                  .append('=')
                  .append(v == null ? "" : v);
            }
            out.add(line.toString());
          }
        }
      }
    }
    out.sort(null);
    out.forEach(System.out::println);
    System.err.printf(
        Locale.ROOT, "duckdb: %.2f s in the queries%n", (System.nanoTime() - start) / 1e9);
  }

  /** The anchor's lines from analyze's JSON report. */
  private static void fromJson(Path report) throws Exception {
    List<String> out = new ArrayList<>();
    Map<String, Long> findings = new LinkedHashMap<>();
    FINDINGS.forEach(f -> findings.put(f, 0L));
    try (JsonParser p = new JsonFactory().createParser(report.toFile())) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        p.nextToken();
        if (COLUMNS.containsKey(key)) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            Map<String, String> row = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String column = p.currentName();
              JsonToken v = p.nextToken();
              row.put(column, v == JsonToken.VALUE_NULL ? "" : p.getText());
            }
            StringBuilder line = new StringBuilder(key);
            for (String c : COLUMNS.get(key)) {
              line.append(" | ").append(c).append('=').append(row.get(c));
            }
            out.add(line.toString());
          }
        } else if (key.equals("data_quality")) {
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            if (!field.equals("findings")) {
              p.skipChildren();
              continue;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
              String code = null;
              long count = 0;
              while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                p.nextToken();
                if (f.equals("code")) {
                  code = p.getText();
                } else if (f.equals("count")) {
                  count = p.getLongValue();
                } else {
                  p.skipChildren();
                }
              }
              if (findings.containsKey(code)) {
                findings.put(code, count);
              }
            }
          }
        } else {
          p.skipChildren();
        }
      }
    }
    findings.forEach((code, count) -> out.add("data_quality | code=" + code + " | count=" + count));
    out.sort(null);
    out.forEach(System.out::println);
  }
}
