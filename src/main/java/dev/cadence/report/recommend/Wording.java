package dev.cadence.report.recommend;

import dev.cadence.analytics.recommend.Comparison;
import dev.cadence.analytics.recommend.Evidence;
import dev.cadence.analytics.recommend.Recommendation;
import java.util.Locale;

/** Recommendations in sentences, for people (text, Markdown and analyze's HTML share them). */
public final class Wording {
  private Wording() {}

  /** A one-line title: what to do, and where. */
  public static String title(Recommendation r) {
    if (r instanceof Recommendation.SwapChannel s) {
      return "Make "
          + s.step()
          + " "
          + article(s.evidence().to())
          + " instead of "
          + article(s.evidence().from());
    }
    if (r instanceof Recommendation.BestGap g) {
      return "Send "
          + g.step()
          + " "
          + days(g.toDays())
          + " after the previous touch, not "
          + days(g.fromDays());
    }
    if (r instanceof Recommendation.BestTemplate t) {
      return "Send template "
          + t.evidence().to()
          + " to "
          + t.region()
          + " at "
          + t.step()
          + " instead of "
          + t.evidence().from();
    }
    if (r instanceof Recommendation.DropStep d) {
      return "Consider dropping "
          + d.step()
          + ": its "
          + d.channel()
          + "s almost never get a response";
    }
    Recommendation.Insufficient i = (Recommendation.Insufficient) r;
    return "Not enough evidence yet (" + i.test() + ") at " + i.step() + ", " + i.detail();
  }

  /** The evidence in one or two sentences. */
  public static String evidence(Recommendation r) {
    if (r instanceof Recommendation.SwapChannel s) {
      Comparison c = s.evidence();
      String where =
          s.scope() == Recommendation.Scope.CADENCE
              ? "in this cadence"
              : "across the cadences of the log";
      return "As touch "
          + s.position()
          + ", "
          + plural(c.to())
          + " "
          + where
          + " got a response "
          + rate(c.toRate())
          + "; this step's "
          + plural(c.from())
          + " "
          + rate(c.fromRate())
          + ". "
          + test(c)
          + ".";
    }
    if (r instanceof Recommendation.BestGap g) {
      Comparison c = g.evidence();
      return "Response "
          + rate(c.toRate())
          + " at "
          + days(g.toDays())
          + " against "
          + rate(c.fromRate())
          + " at its usual "
          + days(g.fromDays())
          + ". "
          + test(c)
          + ".";
    }
    if (r instanceof Recommendation.BestTemplate t) {
      Comparison c = t.evidence();
      return "In "
          + t.region()
          + ", "
          + c.to()
          + " was opened "
          + rate(c.toRate())
          + " against "
          + rate(c.fromRate())
          + " for "
          + c.from()
          + " (of delivered emails). "
          + test(c)
          + ".";
    }
    if (r instanceof Recommendation.DropStep d) {
      return "Response "
          + rate(d.rate())
          + "; even the top of the 95% interval is under "
          + percent(d.threshold())
          + ".";
    }
    Recommendation.Insufficient i = (Recommendation.Insufficient) r;
    Comparison c = i.evidence();
    String sizes =
        i.neededPerSide().isPresent()
            ? String.format(
                Locale.ROOT,
                "a test at this alpha needs %,d touches a side to detect this difference with 80%% power",
                i.neededPerSide().getAsLong())
            : "no sample size would separate equal rates";
    return label(i.test(), c.to())
        + ": "
        + rate(c.toRate())
        + " against "
        + label(i.test(), c.from())
        + ": "
        + rate(c.fromRate())
        + "; fewer than "
        + i.minN()
        + " touches on a side, so it was not tested ("
        + sizes
        + "). Collect "
        + more(i)
        + ".";
  }

  private static String more(Recommendation.Insufficient i) {
    String to =
        String.format(
            Locale.ROOT, "%,d more for %s", i.moreTo(), label(i.test(), i.evidence().to()));
    String from =
        String.format(
            Locale.ROOT, "%,d more for %s", i.moreFrom(), label(i.test(), i.evidence().from()));
    if (i.moreTo() > 0 && i.moreFrom() > 0) {
      return to + " and " + from;
    }
    return i.moreTo() > 0 ? to : from;
  }

  private static String label(String test, String value) {
    return switch (test) {
      case "best_gap" -> days(Integer.parseInt(value));
      case "swap_channel" -> plural(value);
      default -> value;
    };
  }

  static String test(Comparison c) {
    String p = pValue(c.pValue());
    return "One-sided z-test p " + (p.startsWith("<") ? p : "= " + p);
  }

  /** "12.5% [9.1-16.9%] of 240". */
  static String rate(Evidence e) {
    return String.format(
        Locale.ROOT,
        "%s [%.1f-%.1f%%] of %,d",
        percent(e.rate()),
        e.ciLow() * 100,
        e.ciHigh() * 100,
        e.n());
  }

  static String percent(double rate) {
    return String.format(Locale.ROOT, "%.1f%%", rate * 100);
  }

  static String pValue(double p) {
    if (p == 0) {
      return "< 1e-300 (beyond double precision)";
    }
    if (p < 1e-4) {
      return String.format(Locale.ROOT, "%.1e", p);
    }
    return String.format(Locale.ROOT, "%.4f", p);
  }

  static String days(int n) {
    return n == 1 ? "1 day" : n + " days";
  }

  private static String plural(String channel) {
    return switch (channel) {
      case "email" -> "emails";
      case "social" -> "social touches";
      default -> channel + "s";
    };
  }

  private static String article(String channel) {
    return switch (channel) {
      case "email" -> "an email";
      case "social" -> "a social touch";
      default -> "a " + channel;
    };
  }
}
