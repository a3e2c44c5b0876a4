package dev.cadence.analytics.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.analytics.TouchCell;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What every recommendation must satisfy, whatever the outcomes. */
class RecommenderProperties {
  @Provide
  Arbitrary<List<TouchCell>> cubes() {
    Arbitrary<TouchCell> cell =
        Combinators.combine(
                Arbitraries.of("a", "b"),
                Arbitraries.of("s1", "s2", "s3", "s4"),
                Arbitraries.of("email", "call", "social", "task"),
                Arbitraries.of("", "t1", "t2"),
                Arbitraries.of("", "R1", "R2"),
                Arbitraries.integers().between(1, 4),
                Arbitraries.integers().between(-1, 4),
                Arbitraries.longs().between(1, 400))
            .flatAs(
                (cadence, step, channel, template, region, position, gap, touches) ->
                    Combinators.combine(
                            Arbitraries.longs().between(0, touches),
                            Arbitraries.longs().between(0, touches),
                            Arbitraries.longs().between(0, touches))
                        .as(
                            (bounced, opened, responded) ->
                                new TouchCell(
                                    cadence,
                                    step,
                                    channel,
                                    template,
                                    region,
                                    position,
                                    gap,
                                    touches,
                                    bounced,
                                    Math.min(opened, touches - bounced),
                                    responded)));
    return cell.list().ofMaxSize(40);
  }

  @Provide
  Arbitrary<Recommender.Settings> settings() {
    return Combinators.combine(Arbitraries.of(0.01, 0.05, 0.2), Arbitraries.longs().between(1, 100))
        .as((alpha, minN) -> new Recommender.Settings(alpha, minN, 0.01));
  }

  @Property
  void everyRecommendationIsBackedBySignificantEvidence(
      @ForAll("cubes") List<TouchCell> cube, @ForAll("settings") Recommender.Settings settings) {
    for (Recommendation r : Recommender.recommend(cube, List.of(), settings).items()) {
      Comparison c = comparison(r);
      if (r instanceof Recommendation.DropStep d) {
        assertThat(d.rate().n()).isGreaterThanOrEqualTo(settings.minN());
        assertThat(d.rate().ciHigh()).isLessThan(settings.dropBelow());
      } else if (r instanceof Recommendation.Insufficient i) {
        assertThat(Math.min(c.fromRate().n(), c.toRate().n()))
            .as(r.toString())
            .isLessThan(settings.minN());
        assertThat(c.toRate().rate()).isGreaterThan(c.fromRate().rate());
        assertThat(i.target()).isGreaterThanOrEqualTo(settings.minN());
        assertThat(i.moreFrom() + i.moreTo()).isPositive();
      } else {
        assertThat(c.pValue()).as(r.toString()).isLessThan(settings.alpha());
        assertThat(c.fromRate().n()).isGreaterThanOrEqualTo(settings.minN());
        assertThat(c.toRate().n()).isGreaterThanOrEqualTo(settings.minN());
        assertThat(c.toRate().rate()).isGreaterThan(c.fromRate().rate());
        assertThat(c.from()).isNotEqualTo(c.to());
      }
    }
  }

  @Property
  void atMostOneFindingPerQuestion(@ForAll("cubes") List<TouchCell> cube) {
    Set<String> questions = new HashSet<>();
    for (Recommendation r :
        Recommender.recommend(cube, List.of(), Recommender.Settings.DEFAULT).items()) {
      String kind = r instanceof Recommendation.Insufficient i ? i.test() : r.type();
      String region =
          r instanceof Recommendation.BestTemplate t
              ? t.region()
              : r instanceof Recommendation.Insufficient i ? i.detail() : "";
      if (kind.equals("swap_channel")) {
        region = ""; // one swap question per step, whatever its position
      }
      assertThat(questions.add(kind + "/" + r.cadence() + "/" + r.step() + "/" + region))
          .as(r.toString())
          .isTrue();
    }
  }

  @Property
  void theOrderOfTheCellsDoesNotMatter(@ForAll("cubes") List<TouchCell> cube, @ForAll long seed) {
    List<TouchCell> shuffled = new ArrayList<>(cube);
    Collections.shuffle(shuffled, new Random(seed));
    assertThat(Recommender.recommend(shuffled, List.of(), Recommender.Settings.DEFAULT))
        .isEqualTo(Recommender.recommend(cube, List.of(), Recommender.Settings.DEFAULT));
  }

  private static Comparison comparison(Recommendation r) {
    if (r instanceof Recommendation.SwapChannel s) {
      return s.evidence();
    }
    if (r instanceof Recommendation.BestGap g) {
      return g.evidence();
    }
    if (r instanceof Recommendation.BestTemplate t) {
      return t.evidence();
    }
    if (r instanceof Recommendation.Insufficient i) {
      return i.evidence();
    }
    return null;
  }
}
