package dev.cadence.live;

import dev.cadence.engine.Pending;
import dev.cadence.engine.Touch;
import dev.cadence.model.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code cadence status}: per cadence, enrollments by state and lead status; per step, how many
 * leads wait at it, how many performed it, and its sends by state; and the sends that need a person
 * (in doubt, failed, held).
 */
public record StatusReport(
    List<CadenceStatus> cadences, List<SendRecord> attention, List<Paused> paused) {

  /** A lead away (an out-of-office reply): its enrollment waits until {@code until}. */
  public record Paused(String cadence, String leadId, Instant until) {}

  /**
   * One cadence. {@code refused} says why its file could not be loaded, if it could not; {@code
   * paused} counts the active enrollments whose pause (an out-of-office) still holds at the time
   * asked about.
   */
  public record CadenceStatus(
      String id,
      String path,
      Optional<String> refused,
      int enrollments,
      int active,
      Map<String, Integer> ended,
      Map<String, Integer> leadStatuses,
      List<StepStatus> steps,
      int paused) {}

  /**
   * One step.
   *
   * @param waiting active enrollments at this step, not yet performed
   * @param awaitingOutcome performed calls, tasks, approvals waiting for {@code record}
   * @param performed touches made, over all enrollments
   */
  public record StepStatus(
      String step,
      String channel,
      int waiting,
      int awaitingOutcome,
      int performed,
      Map<SendState, Integer> sends) {}

  /**
   * Reads the whole store (status is not on the tick's hot path) as it stands at {@code now}: only
   * which pauses still hold depends on the time.
   */
  public static StatusReport of(
      StateStore store,
      Map<String, LiveCadence> cadences,
      Map<String, String> refused,
      Instant now) {
    return store.read(
        tx -> {
          Map<String, Builder> byId = new LinkedHashMap<>();
          List<Paused> paused = new ArrayList<>();
          for (CadenceRef ref : tx.cadences()) {
            Builder b = new Builder(ref, Optional.ofNullable(refused.get(ref.id())));
            LiveCadence c = cadences.get(ref.id());
            if (c != null) {
              for (Step s : c.engine().cadence().steps()) {
                b.step(s.id(), s.channel().yamlName());
              }
            }
            byId.put(ref.id(), b);
          }
          tx.forEachEnrollment(
              null,
              false,
              e -> {
                Builder b = byId.get(e.cadence());
                if (b == null) {
                  return;
                }
                b.enrollments++;
                if (e.state().isActive()) {
                  b.active++;
                  if (e.state().isPausedAt(now)) {
                    paused.add(new Paused(e.cadence(), e.leadId(), e.state().pausedUntil().get()));
                    b.paused++;
                  }
                  for (Pending p : e.state().pending()) {
                    StepCounts s = b.step(p.step(), "");
                    if (p.isAwaitingOutcome()) {
                      s.awaiting++;
                    } else {
                      s.waiting++;
                    }
                  }
                } else {
                  String kind = e.state().ending().get().kind().name().toLowerCase(Locale.ROOT);
                  b.ended.merge(kind, 1, Integer::sum);
                }
                for (Touch t : e.state().touches()) {
                  b.step(t.step(), t.channel().yamlName()).performed++;
                }
                b.statuses.merge(e.status().isEmpty() ? "(none yet)" : e.status(), 1, Integer::sum);
              });
          List<SendRecord> attention = new ArrayList<>();
          for (SendRecord s : tx.sendsIn(EnumSet.allOf(SendState.class))) {
            Builder b = byId.get(s.cadence());
            if (b != null) {
              b.step(s.step(), "email").sends.merge(s.state(), 1, Integer::sum);
            }
            if (s.state() == SendState.IN_DOUBT
                || s.state() == SendState.FAILED
                || s.state() == SendState.HELD) {
              attention.add(s);
            }
          }
          List<CadenceStatus> all = new ArrayList<>();
          byId.values().forEach(b -> all.add(b.build()));
          paused.sort(Comparator.comparing(Paused::until).thenComparing(Paused::leadId));
          return new StatusReport(all, attention, List.copyOf(paused));
        });
  }

  private static final class StepCounts {
    String channel;
    int waiting;
    int awaiting;
    int performed;
    final Map<SendState, Integer> sends = new EnumMap<>(SendState.class);

    StepCounts(String channel) {
      this.channel = channel;
    }
  }

  private static final class Builder {
    final CadenceRef ref;
    final Optional<String> refused;
    int enrollments;
    int active;
    int paused;
    final Map<String, Integer> ended = new TreeMap<>();
    final Map<String, Integer> statuses = new TreeMap<>();
    final Map<String, StepCounts> steps = new LinkedHashMap<>();

    Builder(CadenceRef ref, Optional<String> refused) {
      this.ref = ref;
      this.refused = refused;
    }

    StepCounts step(String id, String channel) {
      StepCounts s = steps.computeIfAbsent(id, k -> new StepCounts(channel));
      if (s.channel.isEmpty()) {
        s.channel = channel;
      }
      return s;
    }

    CadenceStatus build() {
      List<StepStatus> list = new ArrayList<>();
      steps.forEach(
          (id, s) ->
              list.add(
                  new StepStatus(
                      id, s.channel, s.waiting, s.awaiting, s.performed, Map.copyOf(s.sends))));
      return new CadenceStatus(
          ref.id(), ref.path(), refused, enrollments, active, ended, statuses, list, paused);
    }
  }
}
