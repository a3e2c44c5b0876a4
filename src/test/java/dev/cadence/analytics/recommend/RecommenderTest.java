package dev.cadence.analytics.recommend;

import static dev.cadence.analytics.recommend.Cubes.emails;
import static dev.cadence.analytics.recommend.Cubes.touches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cadence.TestCadences;
import dev.cadence.analytics.TouchCell;
import dev.cadence.analytics.recommend.Recommendation.BestGap;
import dev.cadence.analytics.recommend.Recommendation.BestTemplate;
import dev.cadence.analytics.recommend.Recommendation.DropStep;
import dev.cadence.analytics.recommend.Recommendation.Insufficient;
import dev.cadence.analytics.recommend.Recommendation.Scope;
import dev.cadence.analytics.recommend.Recommendation.SwapChannel;
import dev.cadence.model.Cadence;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecommenderTest {
  private static final Recommender.Settings DEFAULT = Recommender.Settings.DEFAULT;

  private static Recommender.Result recommend(List<TouchCell> cube) {
    return Recommender.recommend(cube, List.of(), DEFAULT);
  }

  @Test
  void aThirdEmailThatACallBeatsIsSwapped() {
    // An A/B test in one cadence: half the leads got an email as third touch, half a call.
    List<TouchCell> cube =
        List.of(
            touches("out", "intro", "email", 1, TouchCell.NO_GAP, 400, 40),
            touches("out", "followup-email", "email", 3, 3, 200, 6),
            touches("out", "followup-call", "call", 3, 3, 200, 50));
    Recommender.Result result = recommend(cube);
    assertThat(result.items()).hasSize(1);
    SwapChannel swap = (SwapChannel) result.items().get(0);
    assertThat(swap.type()).isEqualTo("swap_channel");
    assertThat(swap.step()).isEqualTo("followup-email");
    assertThat(swap.position()).isEqualTo(3);
    assertThat(swap.scope()).isEqualTo(Scope.CADENCE);
    Comparison c = swap.evidence();
    assertThat(c.from()).isEqualTo("email");
    assertThat(c.to()).isEqualTo("call");
    assertThat(c.fromRate()).isEqualTo(Evidence.of(6, 200));
    assertThat(c.toRate()).isEqualTo(Evidence.of(50, 200));
    assertThat(c.test()).isEqualTo(TwoProportionTest.greater(50, 200, 6, 200));
    assertThat(c.pValue()).isLessThan(1e-9);
    // Tested: email vs call at 3 (the call step is not tested against the email: it does better).
    assertThat(result.tests()).isEqualTo(1);
  }

  @Test
  void tooFewTouchesOnASideSaysHowManyAreNeeded() {
    List<TouchCell> cube =
        List.of(
            touches("out", "followup-email", "email", 3, 3, 20, 1),
            touches("out", "followup-call", "call", 3, 3, 40, 20));
    Recommender.Result result = recommend(cube);
    assertThat(result.items()).hasSize(1);
    Insufficient short_ = (Insufficient) result.items().get(0);
    assertThat(short_.type()).isEqualTo("insufficient_evidence");
    assertThat(short_.test()).isEqualTo("swap_channel");
    assertThat(short_.detail()).isEqualTo("position 3");
    assertThat(short_.evidence().from()).isEqualTo("email");
    assertThat(short_.evidence().toRate().n()).isEqualTo(40);
    assertThat(short_.neededPerSide()).isEqualTo(SampleSize.perGroup(0.05, 0.5, 0.05, 0.8));
    assertThat(short_.neededPerSide().getAsLong()).isLessThan(30);
    // The test needs fewer than --min-n: min-n is what is asked for.
    assertThat(short_.target()).isEqualTo(30);
    assertThat(short_.moreFrom()).isEqualTo(10);
    assertThat(short_.moreTo()).isZero();
    assertThat(result.tests()).isZero();
  }

  @Test
  void aSmallDifferenceNeedsMoreThanMinN() {
    List<TouchCell> cube =
        List.of(
            touches("out", "a", "email", 2, 1, 20, 2), touches("out", "b", "call", 2, 1, 20, 3));
    Insufficient short_ = (Insufficient) recommend(cube).items().get(0);
    long needed = SampleSize.perGroup(0.10, 0.15, 0.05, 0.8).getAsLong();
    assertThat(short_.target()).isEqualTo(needed).isGreaterThan(500);
    assertThat(short_.moreFrom()).isEqualTo(needed - 20);
  }

  @Test
  void aDifferenceThatIsNotSignificantRecommendsNothing() {
    List<TouchCell> cube =
        List.of(
            touches("out", "followup-email", "email", 3, 3, 100, 5),
            touches("out", "followup-call", "call", 3, 3, 100, 7));
    Recommender.Result result = recommend(cube);
    assertThat(result.items()).isEmpty();
    assertThat(result.tests()).isEqualTo(1);
  }

  @Test
  void alphaDecidesWhatIsSignificant() {
    // p = 0.0387: significant at 0.05, not at 0.01.
    List<TouchCell> cube =
        List.of(
            touches("out", "e", "email", 3, 3, 1000, 30),
            touches("out", "c", "call", 3, 3, 1000, 45));
    assertThat(recommend(cube).items()).singleElement().isInstanceOf(SwapChannel.class);
    assertThat(
            Recommender.recommend(cube, List.of(), new Recommender.Settings(0.01, 30, 0.01))
                .items())
        .isEmpty();
  }

  @Test
  void minNDecidesWhenToTest() {
    List<TouchCell> cube =
        List.of(
            touches("out", "followup-email", "email", 3, 3, 200, 6),
            touches("out", "followup-call", "call", 3, 3, 200, 50));
    Recommender.Result strict =
        Recommender.recommend(cube, List.of(), new Recommender.Settings(0.05, 201, 0.01));
    assertThat(strict.items()).singleElement().isInstanceOf(Insufficient.class);
    assertThat(((Insufficient) strict.items().get(0)).moreFrom()).isEqualTo(1);
  }

  @Test
  void withoutTheOtherChannelInTheCadenceTheWholeLogIsTheEvidence() {
    List<TouchCell> cube =
        List.of(
            touches("out", "followup-email", "email", 3, 3, 200, 6),
            touches("out", "followup-call", "call", 3, 3, 10, 5),
            touches("inbound", "day4-call", "call", 3, 2, 300, 75));
    SwapChannel swap = (SwapChannel) recommend(cube).items().get(0);
    assertThat(swap.scope()).isEqualTo(Scope.LOG);
    assertThat(swap.evidence().toRate()).isEqualTo(Evidence.of(80, 310));
  }

  @Test
  void aCallThatDoesWorseIsNeverProposed() {
    List<TouchCell> cube =
        List.of(
            touches("out", "e", "email", 3, 3, 500, 50),
            touches("out", "c", "call", 3, 3, 500, 20));
    Recommender.Result result = recommend(cube);
    // The call step is compared with the email at its position, and does worse... the other way
    // round it is a swap.
    assertThat(result.items())
        .singleElement()
        .satisfies(
            r -> {
              SwapChannel s = (SwapChannel) r;
              assertThat(s.step()).isEqualTo("c");
              assertThat(s.evidence().from()).isEqualTo("call");
              assertThat(s.evidence().to()).isEqualTo("email");
            });
  }

  @Test
  void theStepIsJudgedWhereItMostlyFalls() {
    List<TouchCell> cube =
        List.of(
            touches("out", "followup-email", "email", 3, 3, 200, 6),
            touches("out", "followup-email", "email", 2, 3, 20, 0),
            touches("out", "x-call", "call", 2, 3, 200, 60));
    // Position 2 has the strong call, but the step is a third touch for 200 of its 220 leads.
    assertThat(recommend(cube).items()).isEmpty();
  }

  @Test
  void aStepPlayedAsTwoChannelsIsComparedChannelByChannel() {
    // Version B of the cadence kept the step id but made it a call: the email side is the emails
    // only.
    List<TouchCell> cube =
        List.of(
            touches("out", "third", "email", 3, 3, 300, 9),
            touches("out", "third", "call", 3, 3, 200, 50));
    SwapChannel swap = (SwapChannel) recommend(cube).items().get(0);
    assertThat(swap.evidence().fromRate()).isEqualTo(Evidence.of(9, 300));
    assertThat(swap.evidence().toRate()).isEqualTo(Evidence.of(50, 200));
  }

  @Test
  void tasksMeetingsAndApprovalsHaveNoResponseRate() {
    List<TouchCell> cube =
        List.of(
            touches("out", "prep", "task", 3, 3, 500, 0),
            touches("out", "c", "call", 3, 3, 500, 100));
    assertThat(recommend(cube).items()).isEmpty();
  }

  @Test
  void theGapThatRespondsBetterIsRecommended() {
    List<TouchCell> cube =
        List.of(
            touches("out", "check-call", "call", 2, 1, 300, 45),
            touches("out", "check-call", "call", 2, 3, 100, 30),
            touches("out", "check-call", "call", 2, 2, 5, 4));
    Recommender.Result result = recommend(cube);
    assertThat(result.items()).singleElement().isInstanceOf(BestGap.class);
    BestGap gap = (BestGap) result.items().get(0);
    assertThat(gap.type()).isEqualTo("best_gap");
    assertThat(gap.fromDays()).isEqualTo(1);
    assertThat(gap.toDays()).isEqualTo(3);
    assertThat(gap.evidence().fromRate()).isEqualTo(Evidence.of(45, 300));
    assertThat(gap.evidence().toRate()).isEqualTo(Evidence.of(30, 100));
    assertThat(gap.evidence().pValue())
        .isEqualTo(TwoProportionTest.greater(30, 100, 45, 300).pValue())
        .isLessThan(0.05);
  }

  @Test
  void aPromisingGapWithFewTouchesIsReportedAsInsufficient() {
    List<TouchCell> cube =
        List.of(
            touches("out", "check-call", "call", 2, 1, 300, 45),
            touches("out", "check-call", "call", 2, 4, 12, 4));
    Insufficient short_ = (Insufficient) recommend(cube).items().get(0);
    assertThat(short_.test()).isEqualTo("best_gap");
    assertThat(short_.evidence().from()).isEqualTo("1");
    assertThat(short_.evidence().to()).isEqualTo("4");
    assertThat(short_.moreFrom()).isZero();
    assertThat(short_.moreTo()).isEqualTo(short_.target() - 12);
  }

  @Test
  void theTemplateOpenedMoreInARegionBecomesItsVariant() {
    List<TouchCell> cube =
        List.of(
            emails("out", "intro", "intro", "EMEA-FR", 200, 60),
            emails("out", "intro", "intro-fr", "EMEA-FR", 200, 100),
            emails("out", "intro", "intro", "NA-EAST", 400, 180));
    Recommender.Result result = recommend(cube);
    assertThat(result.items()).singleElement().isInstanceOf(BestTemplate.class);
    BestTemplate t = (BestTemplate) result.items().get(0);
    assertThat(t.type()).isEqualTo("best_template_per_region");
    assertThat(t.region()).isEqualTo("EMEA-FR");
    assertThat(t.evidence().from()).isEqualTo("intro");
    assertThat(t.evidence().to()).isEqualTo("intro-fr");
    assertThat(t.evidence().fromRate()).isEqualTo(Evidence.of(60, 200));
  }

  @Test
  void theCadenceFileSaysWhichTemplateARegionGetsNow() {
    Cadence cadence =
        TestCadences.parse(
            """
        cadence: out
        steps:
          - id: intro
            channel: email
            template: intro
            variants: { EMEA-FR: intro-fr }
        """);
    // The log has more intro-fr, but intro is opened more: the file's variant is what is compared.
    List<TouchCell> cube =
        List.of(
            emails("out", "intro", "intro", "EMEA-FR", 200, 120),
            emails("out", "intro", "intro-fr", "EMEA-FR", 300, 90));
    BestTemplate t =
        (BestTemplate) Recommender.recommend(cube, List.of(cadence), DEFAULT).items().get(0);
    assertThat(t.evidence().from()).isEqualTo("intro-fr");
    assertThat(t.evidence().to()).isEqualTo("intro");
  }

  @Test
  void bouncedEmailsDoNotCountAgainstTheOpenRate() {
    List<TouchCell> cube =
        List.of(
            new TouchCell(
                "out", "intro", "email", "a", "APAC", 1, TouchCell.NO_GAP, 100, 50, 25, 5),
            new TouchCell(
                "out", "intro", "email", "b", "APAC", 1, TouchCell.NO_GAP, 100, 0, 30, 5));
    Recommender.Result result = recommend(cube);
    // a: 25 of 50 delivered (50%) beats b: 30 of 100 (30%), although b has more opens.
    BestTemplate t = (BestTemplate) result.items().get(0);
    assertThat(t.evidence().to()).isEqualTo("a");
    assertThat(t.evidence().toRate()).isEqualTo(Evidence.of(25, 50));
  }

  @Test
  void aStepThatNeverGetsAResponseIsADropCandidate() {
    List<TouchCell> cube = List.of(touches("out", "social-connect", "social", 5, 2, 500, 0));
    DropStep drop = (DropStep) recommend(cube).items().get(0);
    assertThat(drop.type()).isEqualTo("drop_step");
    assertThat(drop.rate().ciHigh()).isLessThan(0.01);
    // With fewer touches the interval is too wide to be sure.
    assertThat(recommend(List.of(touches("out", "s", "social", 5, 2, 200, 0))).items()).isEmpty();
  }

  @Test
  void stepsComeInTheOrderOfTheFileWhenItIsKnown() {
    Cadence cadence =
        TestCadences.parse(
            """
        cadence: out
        steps:
          - id: z-first
            channel: social
          - id: a-second
            channel: social
        """);
    List<TouchCell> cube =
        List.of(
            touches("out", "a-second", "social", 2, 1, 1000, 0),
            touches("out", "z-first", "social", 1, TouchCell.NO_GAP, 1000, 0));
    assertThat(Recommender.recommend(cube, List.of(cadence), DEFAULT).items())
        .extracting(Recommendation::step)
        .containsExactly("z-first", "a-second");
    assertThat(recommend(cube).items())
        .extracting(Recommendation::step)
        .containsExactly("z-first", "a-second");
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(() -> new Recommender.Settings(0, 30, 0.01)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> new Recommender.Settings(0.05, 0, 0.01))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new Recommender.Settings(0.05, 30, 2))
        .hasMessageContaining("drop threshold");
  }
}
