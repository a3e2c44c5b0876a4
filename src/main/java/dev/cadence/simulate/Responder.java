package dev.cadence.simulate;

import dev.cadence.model.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Draws the responses to one touch from a {@link ResponseModel}. Pure: the same model, touch and
 * random state always give the same responses.
 *
 * <ul>
 *   <li>email: {@code bounced} of the emails sent (a bounced email has no other event); {@code
 *       opened} of the emails delivered; {@code clicked}, {@code replied} of the emails opened;
 *       {@code unsubscribed} of the emails opened and not replied to. Delays of clicked, replied
 *       and unsubscribed count from the open.
 *   <li>social: {@code accepted} and {@code replied}, each of the touches, independently.
 *   <li>call: one of {@code connected, voicemail, no_answer, wrong_number} (exclusive; the rest of
 *       the probability is a call with no recorded result).
 *   <li>approval: one of {@code approved, rejected} (exclusive; the rest: nobody answers).
 *   <li>after a {@code replied} (email, social) or {@code connected} (call): at most one general
 *       outcome (interested, not_interested, meeting_booked...), at the same time.
 * </ul>
 *
 * Multipliers (region, template, position, gap) multiply each probability; a probability is capped
 * at 1, and an exclusive group whose probabilities then add up to more than 1 is scaled down to 1.
 */
public final class Responder {
  /** An event drawn for a touch, {@code after} the touch. */
  public record Drawn(String event, Duration after) {}

  /**
   * What the model may depend on: the channel, the lead's region, the template, position and gap.
   */
  public record TouchContext(
      Channel channel, String region, String template, int position, int gapDays) {
    /** {@code gapDays} is -1 for the first touch, which has no gap. */
    public TouchContext {
      if (position < 1) {
        throw new IllegalArgumentException("position is 1-based, was " + position);
      }
    }

    // Written out: the odds cache is probed once per touch, where a record's generated hashCode
    // and equals (method handles) showed in profiles.
    @Override
    public int hashCode() {
      return (((Objects.hashCode(channel) * 31 + Objects.hashCode(region)) * 31
                          + Objects.hashCode(template))
                      * 31
                  + position)
              * 31
          + gapDays;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof TouchContext t
          && t.channel == channel
          && t.position == position
          && t.gapDays == gapDays
          && Objects.equals(t.region, region)
          && Objects.equals(t.template, template);
    }
  }

  static final List<String> EMAIL_EVENTS =
      List.of("bounced", "opened", "clicked", "replied", "unsubscribed");
  static final List<String> SOCIAL_EVENTS = List.of("accepted", "replied");
  static final List<String> CALL_EVENTS =
      List.of("connected", "voicemail", "no_answer", "wrong_number");
  static final List<String> APPROVAL_EVENTS = List.of("approved", "rejected");
  private static final int BOUNCED = 0;
  private static final int OPENED = 1;
  private static final int CLICKED = 2;
  private static final int REPLIED = 3;
  private static final int UNSUBSCRIBED = 4;

  /**
   * Contexts repeat (a few regions, templates, positions, gaps): their probabilities are computed
   * once.
   */
  private static final int MAX_CACHED = 10_000;

  /**
   * The probabilities of one touch context, multipliers applied, in the order of the channel's
   * event list.
   */
  private record Odds(
      double[] events, double[] outcomes, List<String> outcomeNames, Delay[] delays) {}

  private final ResponseModel model;
  private final Map<TouchContext, Odds> cache = new ConcurrentHashMap<>();

  public Responder(ResponseModel model) {
    this.model = model;
  }

  public ResponseModel model() {
    return model;
  }

  /** The events of one touch, in the order they happen (ties: the order drawn). */
  public List<Drawn> draw(TouchContext touch, SplittableRandom random) {
    List<Drawn> out = new ArrayList<>(4);
    switch (touch.channel()) {
      case EMAIL -> email(odds(touch), random, out);
      case SOCIAL -> social(odds(touch), random, out);
      case CALL -> exclusive(CALL_EVENTS, odds(touch), random, out, "connected");
      case APPROVAL -> exclusive(APPROVAL_EVENTS, odds(touch), random, out, null);
      default -> {
        // tasks and meetings have no responses in the model: they complete when done
      }
    }
    if (out.size() > 1) {
      out.sort(Comparator.comparing(Drawn::after)); // stable: ties keep the order drawn
    }
    return out;
  }

  private void email(Odds p, SplittableRandom r, List<Drawn> out) {
    if (hit(p.events()[BOUNCED], r)) {
      out.add(new Drawn("bounced", p.delays()[BOUNCED].draw(r)));
      return;
    }
    if (!hit(p.events()[OPENED], r)) {
      return;
    }
    Duration opened = p.delays()[OPENED].draw(r);
    out.add(new Drawn("opened", opened));
    if (hit(p.events()[CLICKED], r)) {
      out.add(new Drawn("clicked", opened.plus(p.delays()[CLICKED].draw(r))));
    }
    if (hit(p.events()[REPLIED], r)) {
      Duration replied = opened.plus(p.delays()[REPLIED].draw(r));
      out.add(new Drawn("replied", replied));
      outcome(p, r, out, replied);
    } else if (hit(p.events()[UNSUBSCRIBED], r)) {
      out.add(new Drawn("unsubscribed", opened.plus(p.delays()[UNSUBSCRIBED].draw(r))));
    }
  }

  private void social(Odds p, SplittableRandom r, List<Drawn> out) {
    if (hit(p.events()[0], r)) {
      out.add(new Drawn("accepted", p.delays()[0].draw(r)));
    }
    if (hit(p.events()[1], r)) {
      Duration replied = p.delays()[1].draw(r);
      out.add(new Drawn("replied", replied));
      outcome(p, r, out, replied);
    }
  }

  /** One of {@code events} or none; {@code responded} (if drawn) is followed by an outcome. */
  private void exclusive(
      List<String> events, Odds p, SplittableRandom r, List<Drawn> out, String responded) {
    int i = pick(p.events(), r.nextDouble());
    if (i < 0) {
      return;
    }
    String event = events.get(i);
    Duration at = p.delays()[i].draw(r);
    out.add(new Drawn(event, at));
    if (event.equals(responded)) {
      outcome(p, r, out, at);
    }
  }

  private void outcome(Odds p, SplittableRandom r, List<Drawn> out, Duration at) {
    if (p.outcomes().length == 0) {
      return;
    }
    int k = pick(p.outcomes(), r.nextDouble());
    if (k >= 0) {
      out.add(new Drawn(p.outcomeNames().get(k), at));
    }
  }

  /**
   * The index picked by {@code u} in [0, 1), or -1 for none; scaled down when the sum exceeds 1.
   */
  static int pick(double[] p, double u) {
    double sum = 0;
    for (double x : p) {
      sum += x;
    }
    double scale = sum > 1 ? 1 / sum : 1;
    double cumulative = 0;
    for (int i = 0; i < p.length; i++) {
      cumulative += p[i] * scale;
      if (u < cumulative) {
        return i;
      }
    }
    return -1;
  }

  /**
   * A draw even for p = 0 or 1: whether an event is drawn never depends on the value of a
   * probability.
   */
  private static boolean hit(double p, SplittableRandom r) {
    return r.nextDouble() < p;
  }

  private Odds odds(TouchContext t) {
    Odds cached = cache.get(t);
    if (cached == null) {
      cached = compute(t);
      if (cache.size() < MAX_CACHED) {
        cache.put(t, cached);
      }
    }
    return cached;
  }

  private Odds compute(TouchContext t) {
    Multipliers mult = model.multipliers();
    Factors[] f = {
      mult.region().getOrDefault(t.region(), Factors.NONE),
      mult.template().getOrDefault(t.template(), Factors.NONE),
      mult.position().at(t.position()),
      t.gapDays() < 0 ? Factors.NONE : mult.gap().at(t.gapDays())
    };
    ChannelModel m = model.channel(t.channel());
    List<String> events =
        switch (t.channel()) {
          case EMAIL -> EMAIL_EVENTS;
          case SOCIAL -> SOCIAL_EVENTS;
          case CALL -> CALL_EVENTS;
          case APPROVAL -> APPROVAL_EVENTS;
          default -> List.of();
        };
    double[] p = new double[events.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = probability(m.p(events.get(i)), f, t.channel(), events.get(i));
    }
    List<String> names = m.outcomeNames();
    double[] o = new double[names.size()];
    for (int i = 0; i < o.length; i++) {
      o[i] = probability(m.outcomes().get(names.get(i)), f, t.channel(), names.get(i));
    }
    Delay[] delays = new Delay[events.size()];
    for (int i = 0; i < delays.length; i++) {
      delays[i] = m.delay(events.get(i));
    }
    return new Odds(p, o, names, delays);
  }

  private static double probability(double base, Factors[] f, Channel channel, String event) {
    double p = base;
    for (Factors x : f) {
      p *= x.of(channel, event);
    }
    return Math.min(1.0, p);
  }
}
