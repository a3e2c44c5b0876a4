package dev.cadence.analytics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs bench/analyze-anchor.sql (the SQL that bench/analyze.sh times) in an in-memory DuckDB and
 * returns each result set as sorted "col=value" lines, the form analyze's tables are compared in.
 */
final class AnchorQuery {
  static final Path SQL = Path.of("bench/analyze-anchor.sql");
  private static final Pattern RESULT = Pattern.compile("^-- result: (\\w+)$", Pattern.MULTILINE);

  private AnchorQuery() {}

  /** Result name to its rows, each row "col=value | col=value" in the query's column order. */
  static Map<String, List<String>> run(List<Path> logs, int threads)
      throws IOException, SQLException {
    String text = Files.readString(SQL);
    StringBuilder list = new StringBuilder("[");
    for (Path p : logs) {
      list.append(list.length() > 1 ? ", " : "")
          .append('\'')
          .append(p.toString().replace("'", "''"))
          .append('\'');
    }
    text = text.replace("${logs}", list.append(']')).replace("${threads}", String.valueOf(threads));
    Map<String, List<String>> results = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      for (String statement : text.split(";\\s*\\n")) {
        String sql = statement.strip();
        if (sql.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"))) {
          continue;
        }
        Matcher m = RESULT.matcher(sql);
        if (!m.find()) {
          st.execute(sql);
          continue;
        }
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
          ResultSetMetaData md = rs.getMetaData();
          while (rs.next()) {
            List<String> cells = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
              Object v = rs.getObject(i);
              cells.add(md.getColumnLabel(i) + "=" + (v == null ? "" : v.toString()));
            }
            rows.add(String.join(" | ", cells));
          }
        }
        rows.sort(null);
        results.put(m.group(1), rows);
      }
    }
    return results;
  }
}
