package dev.cadence.report.validate;

/** The output formats of {@code cadence validate}. */
public enum ValidateFormat {
  TEXT,
  JSON,
  JUNIT,
  SARIF,
  GITHUB;

  public ValidationRenderer renderer(boolean color, boolean quiet) {
    return switch (this) {
      case TEXT -> new TextRenderer(color, quiet);
      case JSON -> new JsonRenderer();
      case JUNIT -> new JunitRenderer();
      case SARIF -> new SarifRenderer();
      case GITHUB -> new GithubRenderer();
    };
  }
}
