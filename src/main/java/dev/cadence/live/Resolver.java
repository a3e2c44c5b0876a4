package dev.cadence.live;

import dev.cadence.engine.Enrollment;
import dev.cadence.engine.Result;
import dev.cadence.model.Channel;
import dev.cadence.model.OutcomeEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code cadence resolve}: a person settles a send the tool could not (in doubt after a crash or a
 * timeout, or failed). {@code sent}: it is recorded as sent when it was handed over, and the flow
 * goes on. {@code not-sent}: the same row goes back to retry, so the next tick sends it, under the
 * same key and Message-ID; only a person can make that call.
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

  private final StateStore store;
  private final java.util.Map<String, LiveCadence> cadences;

  public Resolver(StateStore store, java.util.Map<String, LiveCadence> cadences) {
    this.store = store;
    this.cadences = java.util.Map.copyOf(cadences);
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
            return new Resolved(
                Optional.empty(),
                List.of(),
                Optional.of(
                    "no "
                        + (verdict == Verdict.SENT ? "in-doubt" : "in-doubt or failed")
                        + " send of step `"
                        + step
                        + "` for lead "
                        + leadId
                        + cadence.map(c -> " in " + c).orElse("")
                        + "; see `cadence status`"));
          }
          if (matching.size() > 1) {
            return new Resolved(
                Optional.empty(),
                List.of(),
                Optional.of(
                    "several sends match ("
                        + String.join(
                            ", ",
                            matching.stream()
                                .map(s -> s.cadence() + " visit " + s.visit())
                                .toList())
                        + "); say which with --cadence"));
          }
          SendRecord s = matching.get(0);
          StoredEnrollment e = tx.enrollment(s.enrollmentId()).orElseThrow();
          LiveCadence c = cadences.get(e.cadence());
          if (c == null) {
            return new Resolved(
                Optional.empty(),
                List.of(),
                Optional.of("cadence " + e.cadence() + " cannot be loaded; fix it first"));
          }
          List<OutcomeEvent> events = new ArrayList<>();
          Enrollment state = e.state();
          SendRecord settled;
          if (verdict == Verdict.SENT) {
            Instant at = s.startedAt().orElse(now);
            settled =
                s.with(SendState.SENT, "settled by hand as sent (" + s.detail() + ")")
                    .finished(now);
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
          return new Resolved(Optional.of(settled), events, Optional.empty());
        });
  }
}
