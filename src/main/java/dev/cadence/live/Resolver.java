package dev.cadence.live;

import dev.cadence.engine.Enrollment;
import dev.cadence.engine.Result;
import dev.cadence.model.Channel;
import dev.cadence.model.OutcomeEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cadence resolve}: a person settles a send the tool could not (in doubt after a crash or a
 * timeout, or failed). {@code sent}: it is recorded as sent when it was handed over, and the flow
 * goes on. {@code not-sent}: the same row goes back to retry, so the next tick sends it, under the
 * same key and Message-ID; only a person can make that call. One send (a lead and a step), or every
 * send a {@link Selection} matches, in one transaction.
 */
public final class Resolver {
  /** What a person says happened. */
  public enum Verdict {
    SENT,
    NOT_SENT
  }

  /** The settled send, or why nothing was settled. */
  public record Resolved(
      Optional<SendRecord> send, List<OutcomeEvent> events, Optional<String> refusal) {}

  /**
   * Which sends a bulk resolve settles: the in-doubt ones (or, with {@code failed}, the failed
   * ones) that match every filter given. An empty filter matches all.
   *
   * @param startedFrom sends handed over at or after this instant
   * @param startedBefore sends handed over before this instant
   */
  public record Selection(
      Optional<String> lead,
      Optional<String> cadence,
      Optional<String> step,
      Optional<Instant> startedFrom,
      Optional<Instant> startedBefore,
      boolean failed) {
    boolean matches(SendRecord s) {
      Optional<Instant> at = s.startedAt();
      return lead.map(l -> l.equals(s.leadId())).orElse(true)
          && cadence.map(c -> c.equals(s.cadence())).orElse(true)
          && step.map(t -> t.equals(s.step())).orElse(true)
          && startedFrom.map(f -> at.isPresent() && !at.get().isBefore(f)).orElse(true)
          && startedBefore.map(b -> at.isPresent() && at.get().isBefore(b)).orElse(true);
    }
  }

  /**
   * What a bulk resolve did (or, in a dry run, would do).
   *
   * @param settled the sends settled, as they are now (in a dry run: as they were)
   * @param refused the sends that could not be settled, with why
   */
  public record Bulk(List<SendRecord> settled, List<OutcomeEvent> events, List<String> refused) {}

  private final StateStore store;
  private final Map<String, LiveCadence> cadences;

  public Resolver(StateStore store, Map<String, LiveCadence> cadences) {
    this.store = store;
    this.cadences = Map.copyOf(cadences);
  }

  public Resolved resolve(
      String leadId, Optional<String> cadence, String step, Verdict verdict, Instant now) {
    return store.write(
        tx -> {
          EnumSet<SendState> open =
              verdict == Verdict.SENT
                  ? EnumSet.of(SendState.IN_DOUBT)
                  : EnumSet.of(SendState.IN_DOUBT, SendState.FAILED);
          List<SendRecord> matching = new ArrayList<>();
          for (SendRecord s : tx.sendsIn(open)) {
            if (s.leadId().equals(leadId)
                && s.step().equals(step)
                && cadence.map(c -> c.equals(s.cadence())).orElse(true)) {
              matching.add(s);
            }
          }
          if (matching.isEmpty()) {
            return refused(
                "no "
                    + (verdict == Verdict.SENT ? "in-doubt" : "in-doubt or failed")
                    + " send of step `"
                    + step
                    + "` for lead "
                    + leadId
                    + cadence.map(c -> " in " + c).orElse("")
                    + "; see `cadence status`");
          }
          if (matching.size() > 1) {
            return refused(
                "several sends match ("
                    + String.join(
                        ", ",
                        matching.stream().map(s -> s.cadence() + " visit " + s.visit()).toList())
                    + "); say which with --cadence");
          }
          List<OutcomeEvent> events = new ArrayList<>();
          Optional<String> refusal = settle(tx, matching.get(0), verdict, now, events);
          if (refusal.isPresent()) {
            return refused(refusal.get());
          }
          return new Resolved(
              tx.send(
                  matching.get(0).enrollmentId(), matching.get(0).step(), matching.get(0).visit()),
              events,
              Optional.empty());
        });
  }

  /**
   * Settles every send {@code selection} matches, in one transaction; with {@code dryRun}, says
   * which it would settle and changes nothing.
   */
  public Bulk resolveAll(Selection selection, Verdict verdict, boolean dryRun, Instant now) {
    if (selection.failed() && verdict == Verdict.SENT) {
      throw new IllegalArgumentException("a failed send was refused by the server: not sent");
    }
    EnumSet<SendState> states =
        EnumSet.of(selection.failed() ? SendState.FAILED : SendState.IN_DOUBT);
    if (dryRun) {
      List<SendRecord> matching =
          store.read(tx -> tx.sendsIn(states).stream().filter(selection::matches).toList());
      List<String> refused = new ArrayList<>();
      List<SendRecord> settled = new ArrayList<>();
      for (SendRecord s : matching) {
        if (cadences.containsKey(s.cadence())) {
          settled.add(s);
        } else {
          refused.add(unloadable(s));
        }
      }
      return new Bulk(settled, List.of(), refused);
    }
    return store.write(
        tx -> {
          List<SendRecord> settled = new ArrayList<>();
          List<OutcomeEvent> events = new ArrayList<>();
          List<String> refused = new ArrayList<>();
          for (SendRecord s : tx.sendsIn(states)) {
            if (!selection.matches(s)) {
              continue;
            }
            Optional<String> refusal = settle(tx, s, verdict, now, events);
            if (refusal.isPresent()) {
              refused.add(refusal.get());
            } else {
              settled.add(tx.send(s.enrollmentId(), s.step(), s.visit()).orElseThrow());
            }
          }
          return new Bulk(settled, events, refused);
        });
  }

  private static Resolved refused(String why) {
    return new Resolved(Optional.empty(), List.of(), Optional.of(why));
  }

  private static String unloadable(SendRecord s) {
    return "lead "
        + s.leadId()
        + " step "
        + s.step()
        + ": cadence "
        + s.cadence()
        + " cannot be loaded; fix it first";
  }

  /** Settles one send inside {@code tx}; the reason when it cannot be settled. */
  private Optional<String> settle(
      StateStore.Tx tx, SendRecord s, Verdict verdict, Instant now, List<OutcomeEvent> events) {
    StoredEnrollment e = tx.enrollment(s.enrollmentId()).orElseThrow();
    LiveCadence c = cadences.get(e.cadence());
    if (c == null) {
      return Optional.of(unloadable(s));
    }
    Enrollment state = e.state();
    SendRecord settled;
    if (verdict == Verdict.SENT) {
      Instant at = s.startedAt().orElse(now);
      settled =
          s.with(SendState.SENT, "settled by hand as sent (" + s.detail() + ")").finished(now);
      boolean stillPending =
          state.isActive()
              && state.pending().stream()
                  .anyMatch(
                      p ->
                          p.step().equals(s.step())
                              && p.visit() == s.visit()
                              && !p.isAwaitingOutcome());
      if (stillPending) {
        Result performed = c.engine().performChecked(state, s.step(), at);
        state = performed.state();
      }
      OutcomeEvent ev =
          new OutcomeEvent(
              at,
              state.zone(),
              e.leadId(),
              e.cadence(),
              s.step(),
              Channel.EMAIL,
              c.engine()
                  .cadence()
                  .step(s.step())
                  .flatMap(st -> st.templateFor(e.lead().region().orElse("")))
                  .orElse(""),
              e.lead().region().orElse(""),
              "sent");
      tx.addEvent(ev);
      events.add(ev);
    } else {
      settled =
          s.with(
                  SendState.RETRY,
                  "settled by hand as not sent; to be sent again (" + s.detail() + ")")
              .withAttempt(s.attempts(), Optional.of(now));
    }
    tx.updateSend(settled, now);
    tx.updateEnrollment(
        e.id(),
        state,
        NextDue.of(c.engine(), state, tx.sendsOf(e.id())),
        LeadStatus.of(c.engine(), state),
        now);
    Handoffs.follow(tx, cadences, e, state, now);
    return Optional.empty();
  }
}
