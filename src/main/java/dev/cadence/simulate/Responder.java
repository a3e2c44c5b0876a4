package dev.cadence.simulate;

import dev.cadence.model.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Draws the responses to one touch from a {@link ResponseModel}. Pure: the same model, touch and
 * random state always give the same responses.
 *
 * <ul>
 *   <li>email: {@code bounced} of the emails sent (a bounced email has no other event); {@code
 *       opened} of the emails delivered; {@code clicked}, {@code replied} of the emails opened;
 *       {@code unsubscribed} of the emails opened and not replied to. Delays of clicked, replied and
 *       unsubscribed count from the open.
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

  /** What the model may depend on: the channel, the lead's region, the template, position and gap. */
  public record TouchContext(Channel channel, String region, String template, int position, int gapDays) {
    /** {@code gapDays} is -1 for the first touch, which has no gap. */
    public TouchContext {
      if (position < 1) {
        throw new IllegalArgumentException("position is 1-based, was " + position);
      }
    }
  }

  static final List<String> CALL_EVENTS = List.of("connected", "voicemail", "no_answer", "wrong_number");
  static final List<String> APPROVAL_EVENTS = List.of("approved", "rejected");

  private final ResponseModel model;

  public Responder(ResponseModel model) {
    this.model = model;
  }

  public ResponseModel model() {
    return model;
  }

  /** The events of one touch, in the order they happen (ties: the order drawn). */
  public List<Drawn> draw(TouchContext touch, SplittableRandom random) {
    ChannelModel m = model.channel(touch.channel());
    Factors[] factors = factors(touch);
    List<Drawn> out = new ArrayList<>(4);
    switch (touch.channel()) {
      case EMAIL -> email(m, factors, random, out);
      case SOCIAL -> social(m, factors, random, out);
      case CALL -> exclusive(Channel.CALL, CALL_EVENTS, m, factors, random, out, "connected");
      case APPROVAL -> exclusive(Channel.APPROVAL, APPROVAL_EVENTS, m, factors, random, out, null);
      default -> {
        // tasks and meetings have no responses in the model: they complete when done
      }
    }
    out.sort(java.util.Comparator.comparing(Drawn::after)); // stable: ties keep the order drawn
    return out;
  }

  private void email(ChannelModel m, Factors[] f, SplittableRandom r, List<Drawn> out) {
    if (hit(m, f, Channel.EMAIL, "bounced", r)) {
      out.add(new Drawn("bounced", m.delay("bounced").draw(r)));
      return;
    }
    if (!hit(m, f, Channel.EMAIL, "opened", r)) {
      return;
    }
    Duration opened = m.delay("opened").draw(r);
    out.add(new Drawn("opened", opened));
    if (hit(m, f, Channel.EMAIL, "clicked", r)) {
      out.add(new Drawn("clicked", opened.plus(m.delay("clicked").draw(r))));
    }
    if (hit(m, f, Channel.EMAIL, "replied", r)) {
      Duration replied = opened.plus(m.delay("replied").draw(r));
      out.add(new Drawn("replied", replied));
      outcome(Channel.EMAIL, m, f, r, out, replied);
    } else if (hit(m, f, Channel.EMAIL, "unsubscribed", r)) {
      out.add(new Drawn("unsubscribed", opened.plus(m.delay("unsubscribed").draw(r))));
    }
  }

  private void social(ChannelModel m, Factors[] f, SplittableRandom r, List<Drawn> out) {
    if (hit(m, f, Channel.SOCIAL, "accepted", r)) {
      out.add(new Drawn("accepted", m.delay("accepted").draw(r)));
    }
    if (hit(m, f, Channel.SOCIAL, "replied", r)) {
      Duration replied = m.delay("replied").draw(r);
      out.add(new Drawn("replied", replied));
      outcome(Channel.SOCIAL, m, f, r, out, replied);
    }
  }

  /** One of {@code events} or none; {@code responded} (if drawn) is followed by an outcome. */
  private void exclusive(Channel channel, List<String> events, ChannelModel m, Factors[] f, SplittableRandom r,
      List<Drawn> out, String responded) {
    double[] p = new double[events.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = probability(m.p(events.get(i)), f, channel, events.get(i));
    }
    int i = pick(p, r.nextDouble());
    if (i < 0) {
      return;
    }
    String event = events.get(i);
    Duration at = m.delay(event).draw(r);
    out.add(new Drawn(event, at));
    if (event.equals(responded)) {
      outcome(channel, m, f, r, out, at);
    }
  }

  private void outcome(Channel channel, ChannelModel m, Factors[] f, SplittableRandom r, List<Drawn> out, Duration at) {
    if (m.outcomes().isEmpty()) {
      return;
    }
    List<String> names = List.copyOf(m.outcomes().keySet());
    double[] p = new double[names.size()];
    int i = 0;
    for (Map.Entry<String, Double> e : m.outcomes().entrySet()) {
      p[i++] = probability(e.getValue(), f, channel, e.getKey());
    }
    int k = pick(p, r.nextDouble());
    if (k >= 0) {
      out.add(new Drawn(names.get(k), at));
    }
  }

  /** The index picked by {@code u} in [0, 1), or -1 for none; scaled down when the sum exceeds 1. */
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

  private static boolean hit(ChannelModel m, Factors[] f, Channel channel, String event, SplittableRandom r) {
    // A draw even for p = 0 or 1: whether an event is drawn never depends on the value of a probability.
    return r.nextDouble() < probability(m.p(event), f, channel, event);
  }

  private static double probability(double base, Factors[] f, Channel channel, String event) {
    double p = base;
    for (Factors x : f) {
      p *= x.of(channel, event);
    }
    return Math.min(1.0, p);
  }

  private Factors[] factors(TouchContext t) {
    Multipliers mult = model.multipliers();
    return new Factors[] {
      mult.region().getOrDefault(t.region(), Factors.NONE),
      mult.template().getOrDefault(t.template(), Factors.NONE),
      mult.position().at(t.position()),
      t.gapDays() < 0 ? Factors.NONE : mult.gap().at(t.gapDays())
    };
  }
}
