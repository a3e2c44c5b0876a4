package dev.cadence.report.recommend;

import java.io.PrintWriter;

/**
 * How {@code recommend} prints its report; every format renders the same {@link RecommendReport}.
 */
public enum RecommendFormat {
  TEXT,
  JSON,
  MARKDOWN;

  public void render(RecommendReport report, PrintWriter out) {
    switch (this) {
      case JSON -> JsonRecommendations.render(report, out);
      case MARKDOWN -> MarkdownRecommendations.render(report, out);
      default -> TextRecommendations.render(report, out);
    }
  }
}
