package dev.cadence.simulate;

import static dev.cadence.simulate.SimulationFixtures.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.cadence.model.Channel;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResponderTest {
  @Test
  void anExclusiveGroupAddingUpToMoreThanOneAfterMultipliersIsScaledDownToOne() {
    assertThat(Responder.pick(new double[] {0.5, 0.3}, 0.79)).isEqualTo(1);
    assertThat(Responder.pick(new double[] {0.5, 0.3}, 0.80)).isEqualTo(-1);
    // 1.0 + 1.0 -> 0.5 + 0.5
    assertThat(Responder.pick(new double[] {1.0, 1.0}, 0.49)).isEqualTo(0);
    assertThat(Responder.pick(new double[] {1.0, 1.0}, 0.51)).isEqualTo(1);
    assertThat(Responder.pick(new double[] {1.0, 1.0}, 0.999)).isEqualTo(1);
  }

  @Test
  void aCallHasAtMostOneResultAndAnOutcomeOnlyWhenConnected() {
    Responder r =
        new Responder(
            model(
                """
        call:
          connected: 0.3
          voicemail: 0.3
          no_answer: 0.3
          outcomes: { interested: 0.5 }
          delays: { connected: 10m }
        """));
    SplittableRandom random = new SplittableRandom(1);
    int connected = 0;
    int none = 0;
    for (int i = 0; i < 10_000; i++) {
      List<Responder.Drawn> d =
          r.draw(new Responder.TouchContext(Channel.CALL, "", "", 1, -1), random);
      if (d.isEmpty()) {
        none++;
        continue;
      }
      assertThat(d.get(0).event()).isIn(Responder.CALL_EVENTS);
      if (d.get(0).event().equals("connected")) {
        connected++;
        assertThat(d.get(0).after()).hasMinutes(10);
        assertThat(d).hasSizeLessThanOrEqualTo(2);
        d.stream().skip(1).forEach(x -> assertThat(x.event()).isEqualTo("interested"));
      } else {
        assertThat(d).hasSize(1);
      }
    }
    assertThat(connected / 10_000.0).isCloseTo(0.3, offset(0.015));
    assertThat(none / 10_000.0).isCloseTo(0.1, offset(0.015));
  }

  @Test
  void emailEventsHappenInOrderAndABouncedEmailHasNoOther() {
    Responder r =
        new Responder(
            model(
                """
        email:
          bounced: 0.1
          opened: 0.6
          clicked: 0.5
          replied: 0.3
          unsubscribed: 0.5
          delays: { bounced: 5m, opened: 1h..1d, clicked: 1m..30m, replied: 1h..2d, unsubscribed: 1m }
        """));
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 5_000; i++) {
      List<Responder.Drawn> d =
          r.draw(new Responder.TouchContext(Channel.EMAIL, "", "t", 1, -1), random);
      List<String> events = d.stream().map(Responder.Drawn::event).toList();
      if (events.contains("bounced")) {
        assertThat(events).containsExactly("bounced");
      }
      if (!events.isEmpty() && !events.contains("bounced")) {
        assertThat(events.get(0)).isEqualTo("opened");
      }
      assertThat(events.contains("replied") && events.contains("unsubscribed")).isFalse();
      for (int k = 1; k < d.size(); k++) {
        assertThat(d.get(k).after()).isGreaterThanOrEqualTo(d.get(k - 1).after());
      }
    }
  }

  @Test
  void multipliersLookUpTheChannelQualifiedKeyFirstAndRangesForPositionsAndGaps() {
    ResponseModel m =
        model(
            """
        email: { opened: 0.5 }
        multipliers:
          position:
            2: { opened: 1.2 }
            4+: { opened: 0.5, email.opened: 0.1 }
        """);
    RankTable position = m.multipliers().position();
    assertThat(position.at(1)).isEqualTo(Factors.NONE);
    assertThat(position.at(2).of(Channel.EMAIL, "opened")).isEqualTo(1.2);
    assertThat(position.at(3)).isEqualTo(Factors.NONE);
    assertThat(position.at(4).of(Channel.EMAIL, "opened")).isEqualTo(0.1);
    assertThat(position.at(40).of(Channel.SOCIAL, "opened")).isEqualTo(0.5);
  }
}
