package dev.cadence.analytics.recommend;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * One thing {@code recommend} found in the outcomes, with its evidence and the cadence step it
 * concerns. The tested kinds carry a {@link Comparison}; where the evidence is too thin to test,
 * {@link Insufficient} says how many touches a test would need.
 */
public sealed interface Recommendation {
  /** The kind as written in JSON ({@code swap_channel}, ...). */
  String type();

  String cadence();

  String step();

  /** At this position (where the step mostly falls), another channel responds more: use it. */
  record SwapChannel(String cadence, String step, int position, Scope scope, Comparison evidence)
      implements Recommendation {
    @Override
    public String type() {
      return "swap_channel";
    }
  }

  /**
   * The step responds more when it comes this many days after the previous touch than at its usual
   * gap.
   */
  record BestGap(String cadence, String step, Comparison evidence) implements Recommendation {
    @Override
    public String type() {
      return "best_gap";
    }

    public int fromDays() {
      return Integer.parseInt(evidence.from());
    }

    public int toDays() {
      return Integer.parseInt(evidence.to());
    }
  }

  /**
   * In this region, another template of the step is opened more than the one sent now: make it the
   * region's variant.
   */
  record BestTemplate(String cadence, String step, String region, Comparison evidence)
      implements Recommendation {
    @Override
    public String type() {
      return "best_template_per_region";
    }
  }

  /**
   * The step (a channel that can respond) almost never gets a response: even the top of its 95%
   * interval is below {@code threshold}. A candidate for removal (the seed: strip steps that add no
   * value); never applied automatically, since the flow around it must be redesigned.
   */
  record DropStep(String cadence, String step, String channel, Evidence rate, double threshold)
      implements Recommendation {
    @Override
    public String type() {
      return "drop_step";
    }
  }

  /**
   * A change that looks better but has too few touches on a side (fewer than {@code minN}) to be
   * tested. {@code neededPerSide} is the sample a test at alpha would need to detect the observed
   * difference with 80% power (empty when the observed rates are equal).
   *
   * @param test the kind the evidence would support ({@code swap_channel}, {@code best_gap}, ...)
   * @param detail what is compared, in words ("position 3", "region EMEA-FR")
   */
  record Insufficient(
      String test,
      String cadence,
      String step,
      String detail,
      Comparison evidence,
      long minN,
      OptionalLong neededPerSide)
      implements Recommendation {
    @Override
    public String type() {
      return "insufficient_evidence";
    }

    /** Touches still to collect on the {@code from} and {@code to} sides. */
    public long moreFrom() {
      return Math.max(0, target() - evidence.fromRate().n());
    }

    public long moreTo() {
      return Math.max(0, target() - evidence.toRate().n());
    }

    /** The touches each side needs: the test's sample size, and never fewer than minN. */
    public long target() {
      return Math.max(minN, neededPerSide.orElse(minN));
    }
  }

  /** Where a channel swap's other side was measured. */
  enum Scope {
    /** Touches of the other channel at the same position in the same cadence. */
    CADENCE,
    /**
     * Too few of those: touches of the other channel at that position in every cadence of the log.
     */
    LOG;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
