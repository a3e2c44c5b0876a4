package dev.cadence.simulate;

import dev.cadence.engine.Due;
import dev.cadence.engine.Ending;
import dev.cadence.engine.Engine;
import dev.cadence.engine.Enrollment;
import dev.cadence.engine.Pending;
import dev.cadence.engine.Result;
import dev.cadence.model.Cadence;
import dev.cadence.model.Channel;
import dev.cadence.model.Lead;
import dev.cadence.model.OutcomeEvent;
import dev.cadence.model.Step;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Plays one lead through the engine on a virtual clock: performs the earliest due step, draws its
 * responses from the model, and applies each when its time comes ({@link Engine#respond} for email
 * and social responses, {@link Engine#complete} for calls, approvals, tasks and meetings), until
 * the enrollment ends, nothing is left to do, or the touch limit is reached. A handoff to a cadence
 * of the simulation enrolls the lead there. Thread-safe: all state of a lead lives in one call.
 */
public final class LeadSimulator {
  private final Map<String, Engine> engines = new LinkedHashMap<>();
  private final Engine entry;
  private final Responder responder;
  private final long seed;
  private final Start start;
  private final int maxTouches;
  private final Map<ZoneId, Instant> startByZone = new ConcurrentHashMap<>();

  /**
   * @param cadences the cadence leads are enrolled in first, then the ones handoffs may lead to
   * @param maxTouches touches after which a lead is stopped (cadences that loop)
   */
  public LeadSimulator(
      List<Cadence> cadences, ResponseModel model, long seed, Start start, int maxTouches) {
    if (cadences.isEmpty()) {
      throw new IllegalArgumentException("no cadence to simulate");
    }
    for (Cadence c : cadences) {
      engines.putIfAbsent(c.id(), new Engine(c));
    }
    this.entry = engines.get(cadences.get(0).id());
    this.responder = new Responder(model);
    this.seed = seed;
    this.start = start;
    this.maxTouches = maxTouches;
  }

  /** The enrollment instant in a zone, worked out once per zone (a lead list has a few zones). */
  private Instant startIn(ZoneId zone) {
    Instant at = startByZone.get(zone);
    if (at == null) {
      at = start.in(zone);
      startByZone.put(zone, at);
    }
    return at;
  }

  /**
   * Simulates {@code lead}; its log events go to {@code log} in time order, counts to {@code
   * stats}.
   */
  public void run(Lead lead, Consumer<OutcomeEvent> log, SimulationStats stats) {
    new Run(lead, log, stats).play();
  }

  /** The random seed of one lead: from the run's seed and the lead id only, whatever the thread. */
  static long seedOf(long seed, String leadId) {
    long h = 0xcbf29ce484222325L; // FNV-1a over the UTF-16 units of the id
    for (int i = 0; i < leadId.length(); i++) {
      h = (h ^ leadId.charAt(i)) * 0x100000001b3L;
    }
    return mix(mix(seed) ^ h);
  }

  private static long mix(long z) { // SplitMix64's finaliser
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** How a response acts on the enrollment. */
  private enum Kind {
    /** A response to an email or social touch, already completed: {@link Engine#respond}. */
    RESPOND,
    /** The result of a call or approval, or a task done: {@link Engine#complete}. */
    COMPLETE
  }

  /** Something that happens later: events of a touch to log, then to apply. */
  private record Later(
      Instant at,
      long seq,
      int generation,
      String cadence,
      ZoneId zone,
      Step step,
      String template,
      Kind kind,
      List<String> events) {}

  /** One lead's play, with its own random stream and clock. */
  private final class Run {
    private final Lead lead;
    private final Consumer<OutcomeEvent> log;
    private final SimulationStats stats;
    private final SplittableRandom random;
    private final String region;
    private final PriorityQueue<Later> later =
        new PriorityQueue<>(
            (a, b) ->
                a.at().equals(b.at()) ? Long.compare(a.seq(), b.seq()) : a.at().compareTo(b.at()));
    private Engine engine = entry;
    private Enrollment e;
    private int generation;
    private long seq;
    private int touches;
    private boolean capped;

    Run(Lead lead, Consumer<OutcomeEvent> log, SimulationStats stats) {
      this.lead = lead;
      this.log = log;
      this.stats = stats;
      this.random = new SplittableRandom(seedOf(seed, lead.id()));
      this.region = lead.region().orElse("");
    }

    void play() {
      stats.lead();
      enroll(entry, startIn(entry.zoneOf(lead)));
      Enrollment planned = null;
      Due due = null;
      while (true) {
        if (e != planned) { // the engine returns the same state for a response it ignores
          planned = e;
          due = capped || !e.isActive() ? null : first(engine.due(e));
        }
        Later next = later.peek();
        // A response at the same instant as a due touch comes first: the rep sees it before acting.
        if (next != null && (due == null || !next.at().isAfter(due.at()))) {
          later.poll();
          handle(next);
        } else if (due == null) {
          break;
        } else if (touches >= maxTouches) {
          capped = true;
          planned = null;
        } else {
          touch(due);
        }
      }
      if (e.isActive()) {
        if (capped) {
          stats.addCapped();
        } else {
          stats.addWaiting();
        }
      }
    }

    private void enroll(Engine target, Instant at) {
      engine = target;
      generation++;
      e = target.enroll(lead, at);
      stats.enrolled(target.cadence().id());
      if (!e.isActive()) {
        stats.ended(target.cadence().id(), "", e.ending().get());
      }
    }

    private void touch(Due due) {
      Step step = due.step();
      Instant at = due.at();
      Optional<Instant> previous = e.lastTouch();
      Enrollment before = e;
      e = engine.perform(e, step.id(), at);
      touches++;
      Channel channel = step.channel();
      String template =
          channel == Channel.EMAIL || channel == Channel.SOCIAL
              ? step.templateFor(region).orElse("")
              : "";
      emit(at, step, template, channel.touchEvent());
      SimulationStats.StepCounts counts = stats.step(engine.cadence().id(), step);
      counts.touches++;
      int gap = previous.isPresent() ? (int) (utcDay(at) - utcDay(previous.get())) : -1;
      var context = new Responder.TouchContext(channel, region, template, e.touches().size(), gap);
      List<Responder.Drawn> drawn = responder.draw(context, random);
      for (int i = 0; i < drawn.size(); i++) {
        Responder.Drawn d = drawn.get(i);
        if (d.event().equals("replied") || d.event().equals("connected")) {
          counts.responded++;
          break;
        }
      }
      switch (channel) {
        case EMAIL, SOCIAL ->
            drawn.forEach(
                d ->
                    schedule(at.plus(d.after()), step, template, Kind.RESPOND, List.of(d.event())));
        case CALL ->
            schedule(
                drawn.isEmpty() ? at : at.plus(drawn.get(0).after()),
                step,
                template,
                Kind.COMPLETE,
                names(drawn));
        case APPROVAL -> {
          if (!drawn.isEmpty()) { // else nobody answers: the branch waits
            schedule(at.plus(drawn.get(0).after()), step, template, Kind.COMPLETE, names(drawn));
          }
        }
        default -> schedule(at, step, template, Kind.COMPLETE, List.of());
      }
      checkEnded(before, step);
    }

    private void handle(Later l) {
      for (String event : l.events()) {
        log.accept(
            new OutcomeEvent(
                l.at(),
                l.zone(),
                lead.id(),
                l.cadence(),
                l.step().id(),
                l.step().channel(),
                l.template(),
                region,
                event));
        stats.event();
        stats.step(l.cadence(), l.step()).event(event);
      }
      if (l.generation() != generation || !e.isActive()) {
        return; // the response came after its enrollment ended: logged, but it changes nothing
      }
      if (l.kind() == Kind.COMPLETE && !isPending(l.step().id())) {
        return; // a response redirect superseded this call meanwhile: logged, but it changes
        // nothing
      }
      Enrollment before = e;
      if (l.kind() == Kind.RESPOND) {
        Result r = engine.respond(e, l.step().id(), l.events().get(0), l.at());
        r.refusal().ifPresent(x -> stats.refused(engine.cadence().id(), l.step().id(), x.reason()));
        e = r.state();
      } else {
        complete(l);
      }
      checkEnded(before, l.step());
    }

    private boolean isPending(String stepId) {
      for (Pending p : e.pending()) {
        if (p.step().equals(stepId)) {
          return true;
        }
      }
      return false;
    }

    /** Completes a call, approval, task or meeting with the outcome the engine should follow. */
    private void complete(Later l) {
      Step step = l.step();
      Optional<String> outcome = outcome(step, l.events());
      Map<String, String> fields = Map.of();
      if (!step.requires().isEmpty()) {
        fields = new HashMap<>();
        for (String f : step.requires()) {
          fields.put(f, "(simulated)"); // the rep records what the step requires
        }
      }
      Result r = engine.complete(e, step.id(), outcome, fields, l.at());
      if (r.isRefused() && outcome.isPresent()) {
        stats.refused(engine.cadence().id(), step.id(), r.refusal().get().reason());
        r = engine.complete(e, step.id(), Optional.empty(), fields, l.at());
      }
      if (r.isRefused()) {
        stats.refused(engine.cadence().id(), step.id(), r.refusal().get().reason());
      }
      e = r.state();
    }

    /**
     * Of the events drawn (a call's result, then maybe a general outcome), the one the cadence acts
     * on: the general outcome first (interested says more than connected), else the call's result.
     */
    private Optional<String> outcome(Step step, List<String> events) {
      for (int i = events.size() - 1; i >= 0; i--) {
        String ev = events.get(i);
        if (step.on().containsKey(ev) || engine.cadence().exitOn().contains(ev)) {
          return Optional.of(ev);
        }
      }
      return events.isEmpty() ? Optional.empty() : Optional.of(events.get(events.size() - 1));
    }

    private void checkEnded(Enrollment before, Step step) {
      if (!before.isActive() || e.isActive()) {
        return;
      }
      Ending ending = e.ending().get();
      stats.ended(engine.cadence().id(), step.id(), ending);
      // Cadences that hand off to each other in a cycle stop at the touch limit: every handoff
      // follows a touch, so a cycle cannot go on without touching.
      if (ending.kind() == Ending.Kind.HANDOFF && engines.containsKey(ending.name())) {
        enroll(engines.get(ending.name()), ending.at());
      }
    }

    private void schedule(Instant at, Step step, String template, Kind kind, List<String> events) {
      later.add(
          new Later(
              at,
              seq++,
              generation,
              engine.cadence().id(),
              e.zone(),
              step,
              template,
              kind,
              events));
    }

    private void emit(Instant at, Step step, String template, String event) {
      log.accept(
          new OutcomeEvent(
              at,
              e.zone(),
              lead.id(),
              engine.cadence().id(),
              step.id(),
              step.channel(),
              template,
              region,
              event));
      stats.event();
    }
  }

  private static Due first(List<Due> due) {
    return due.isEmpty() ? null : due.get(0);
  }

  private static List<String> names(List<Responder.Drawn> drawn) {
    if (drawn.size() == 1) {
      return List.of(drawn.get(0).event());
    }
    List<String> out = new ArrayList<>(drawn.size());
    for (int i = 0; i < drawn.size(); i++) {
      out.add(drawn.get(i).event());
    }
    return out;
  }

  private static long utcDay(Instant t) {
    return Math.floorDiv(t.getEpochSecond(), 86_400L);
  }
}
