package dev.cadence.report.recommend;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.cadence.analytics.recommend.Comparison;
import dev.cadence.analytics.recommend.Evidence;
import dev.cadence.analytics.recommend.Recommendation;
import java.io.IOException;

/**
 * One recommendation as a JSON object: the contract's keys ({@code type, cadence, step, position,
 * from, to, from_rate, to_rate, p_value, n_from, n_to} for a channel swap), the same keys for the
 * other tested kinds, and the intervals and counts behind each rate. {@code analyze --format json}
 * writes its {@code recommendations} with this too.
 */
public final class RecommendationJson {
  private RecommendationJson() {}

  /** Writes the object's fields (the caller opens and closes it, to add its own). */
  public static void fields(Recommendation r, JsonGenerator json) throws IOException {
    json.writeStringField("type", r.type());
    if (r instanceof Recommendation.Insufficient i) {
      json.writeStringField("test", i.test());
    }
    json.writeStringField("cadence", r.cadence());
    json.writeStringField("step", r.step());
    if (r instanceof Recommendation.SwapChannel s) {
      json.writeNumberField("position", s.position());
      comparison(s.evidence(), false, "response_rate", json);
      json.writeStringField("scope", s.scope().id());
    } else if (r instanceof Recommendation.BestGap g) {
      comparison(g.evidence(), true, "response_rate", json);
    } else if (r instanceof Recommendation.BestTemplate t) {
      json.writeStringField("region", t.region());
      comparison(t.evidence(), false, "open_rate", json);
    } else if (r instanceof Recommendation.DropStep d) {
      json.writeStringField("channel", d.channel());
      json.writeStringField("metric", "response_rate");
      json.writeNumberField("rate", round(d.rate().rate()));
      json.writeNumberField("ci_low", round(d.rate().ciLow()));
      json.writeNumberField("ci_high", round(d.rate().ciHigh()));
      json.writeNumberField("n", d.rate().n());
      json.writeNumberField("responses", d.rate().hits());
      json.writeNumberField("threshold", d.threshold());
    } else {
      Recommendation.Insufficient i = (Recommendation.Insufficient) r;
      json.writeStringField("detail", i.detail());
      comparison(
          i.evidence(),
          i.test().equals("best_gap"),
          i.test().equals("best_template_per_region") ? "open_rate" : "response_rate",
          json);
      json.writeNumberField("min_n", i.minN());
      if (i.neededPerSide().isPresent()) {
        json.writeNumberField("needed_per_side", i.neededPerSide().getAsLong());
      } else {
        json.writeNullField("needed_per_side");
      }
      json.writeNumberField("more_from", i.moreFrom());
      json.writeNumberField("more_to", i.moreTo());
    }
  }

  private static void comparison(Comparison c, boolean numbers, String metric, JsonGenerator json)
      throws IOException {
    if (numbers) {
      json.writeNumberField("from", Integer.parseInt(c.from()));
      json.writeNumberField("to", Integer.parseInt(c.to()));
    } else {
      json.writeStringField("from", c.from());
      json.writeStringField("to", c.to());
    }
    json.writeStringField("metric", metric);
    json.writeNumberField("from_rate", round(c.fromRate().rate()));
    json.writeNumberField("to_rate", round(c.toRate().rate()));
    // In full: a p-value of 3e-12 rounded to six places would read as a certainty.
    json.writeNumberField("p_value", c.pValue());
    json.writeNumberField("n_from", c.fromRate().n());
    json.writeNumberField("n_to", c.toRate().n());
    hits(c.fromRate(), "from", json);
    hits(c.toRate(), "to", json);
    json.writeNumberField("z", round(c.test().z()));
  }

  private static void hits(Evidence e, String side, JsonGenerator json) throws IOException {
    json.writeNumberField(side + "_hits", e.hits());
    json.writeNumberField(side + "_ci_low", round(e.ciLow()));
    json.writeNumberField(side + "_ci_high", round(e.ciHigh()));
  }

  /** Six decimals, as analyze writes its rates. */
  static double round(double v) {
    return Math.round(v * 1e6) / 1e6;
  }
}
