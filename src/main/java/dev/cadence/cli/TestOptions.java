package dev.cadence.cli;

import dev.cadence.analytics.recommend.Recommender;
import picocli.CommandLine.Option;

/** The statistics behind recommendations (contract section 5): recommend, and analyze's JSON. */
final class TestOptions {
  @Option(
      names = "--alpha",
      defaultValue = "0.05",
      paramLabel = "A",
      description = "Significance level of each one-sided test (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Option(
      names = "--min-n",
      defaultValue = "30",
      paramLabel = "N",
      description =
          "Touches needed on each side before testing (default: ${DEFAULT-VALUE}); fewer: insufficient evidence.")
  long minN;

  @Option(
      names = "--drop-below",
      defaultValue = "0.01",
      paramLabel = "RATE",
      description =
          "A step whose response rate is surely (95%% upper bound) below this is a drop candidate"
              + " (default: ${DEFAULT-VALUE}).")
  double dropBelow;

  /** The settings, or a usage error (exit 2) saying which value is out of range. */
  Recommender.Settings settings() {
    try {
      return new Recommender.Settings(alpha, minN, dropBelow);
    } catch (IllegalArgumentException e) {
      throw new CadenceException(ExitCodes.USAGE, e.getMessage(), e);
    }
  }
}
