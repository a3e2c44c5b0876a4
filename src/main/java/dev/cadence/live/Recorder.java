package dev.cadence.live;

import dev.cadence.engine.Engine;
import dev.cadence.engine.Enrollment;
import dev.cadence.engine.Pending;
import dev.cadence.engine.Result;
import dev.cadence.model.Channel;
import dev.cadence.model.OutcomeEvent;
import dev.cadence.model.Outcomes;
import dev.cadence.model.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cadence record}: applies an outcome the tool cannot see itself (a call result, a reply, an
 * approval, checklist fields) through the engine, in one transaction. The engine's refusals
 * (required fields missing, a guard not met, an outcome the channel cannot have) change nothing and
 * come back as the reason. An unsubscribe suppresses the lead everywhere; a bounce, its address.
 */
public final class Recorder {
  /**
   * One outcome to record. {@code outcome} empty (or "done") completes a step with no particular
   * outcome.
   */
  public record Request(
      String leadId,
      Optional<String> cadence,
      String step,
      Optional<String> outcome,
      Map<String, String> fields,
      Instant at) {
    public Request {
      fields = Map.copyOf(fields);
      outcome = outcome.filter(o -> !o.isBlank() && !o.equals("done"));
    }
  }

  /**
   * What recording did: the events written, and where the enrollment stands. Refused: the reason.
   */
  public record Applied(
      List<OutcomeEvent> events,
      Optional<String> refusal,
      String cadence,
      String status,
      boolean ended,
      List<String> notes) {
    public static Applied refused(String reason) {
      return new Applied(List.of(), Optional.of(reason), "", "", false, List.of());
    }

    /** True when nothing was written because this outcome was recorded before (a re-import). */
    public boolean alreadyRecorded() {
      return events.isEmpty()
          && refusal.isEmpty()
          && notes.stream().anyMatch(n -> n.startsWith(ALREADY));
    }
  }

  /** How the note of an outcome recorded before begins. */
  static final String ALREADY = "already recorded";

  private final StateStore store;
  private final Map<String, LiveCadence> cadences;
  private final Map<String, String> refusedCadences;

  public Recorder(
      StateStore store, Map<String, LiveCadence> cadences, Map<String, String> refusedCadences) {
    this.store = store;
    this.cadences = Map.copyOf(cadences);
    this.refusedCadences = Map.copyOf(refusedCadences);
  }

  /** Records {@code r} in a transaction of its own. */
  public Applied record(Request r) {
    return record(r, Optional.empty());
  }

  /**
   * Records {@code r} in a transaction of its own, unless an imported row with {@code key} was
   * recorded before; the key is remembered in the same transaction, so that an import cut off at
   * any point and run again records each row once.
   */
  public Applied record(Request r, Optional<String> key) {
    if (r.outcome().isPresent() && !Outcomes.isKnown(r.outcome().get())) {
      return unknownOutcome(r);
    }
    return store.write(
        tx -> {
          if (key.isPresent() && tx.imported(key.get())) {
            return new Applied(
                List.of(),
                Optional.empty(),
                r.cadence().orElse(""),
                "",
                false,
                List.of(
                    ALREADY
                        + ": "
                        + r.outcome().orElse("done")
                        + " (the same row, imported before); skipped"));
          }
          Applied applied = record(tx, r);
          if (applied.refusal().isEmpty() && key.isPresent()) {
            tx.markImported(key.get(), r.at());
          }
          return applied;
        });
  }

  private static Applied unknownOutcome(Request r) {
    return Applied.refused(
        "unknown outcome `"
            + r.outcome().get()
            + "`; one of: "
            + String.join(" ", Outcomes.all())
            + ", or done");
  }

  /**
   * Records {@code r} inside {@code tx}, with whatever else the caller writes there (the inbox
   * records a reply and remembers the message in one transaction). {@code --step read-reply} closes
   * the replies the inbox gave the lead's rep to read.
   */
  public Applied record(StateStore.Tx tx, Request r) {
    if (r.outcome().isPresent() && !Outcomes.isKnown(r.outcome().get())) {
      return unknownOutcome(r);
    }
    if (r.step().equals(InboxTask.STEP)) {
      return closeReplies(tx, r);
    }
    List<StoredEnrollment> candidates = new ArrayList<>();
    for (StoredEnrollment e : tx.enrollmentsOfLead(r.leadId())) {
      boolean inCadence = r.cadence().map(c -> c.equals(e.cadence())).orElse(true);
      LiveCadence c = cadences.get(e.cadence());
      if (inCadence && (c == null || c.engine().cadence().step(r.step()).isPresent())) {
        candidates.add(e);
      }
    }
    if (candidates.isEmpty()) {
      return Applied.refused(
          "lead "
              + r.leadId()
              + " has no enrollment"
              + r.cadence().map(c -> " in " + c).orElse("")
              + " with a step `"
              + r.step()
              + "`");
    }
    if (candidates.size() > 1) {
      return Applied.refused(
          "lead "
              + r.leadId()
              + " is in several cadences with a step `"
              + r.step()
              + "` ("
              + String.join(", ", candidates.stream().map(StoredEnrollment::cadence).toList())
              + "); say which with --cadence");
    }
    StoredEnrollment e = candidates.get(0);
    LiveCadence c = cadences.get(e.cadence());
    if (c == null) {
      return Applied.refused(
          "cadence "
              + e.cadence()
              + " cannot be loaded: "
              + refusedCadences.getOrDefault(e.cadence(), "unknown")
              + "; nothing recorded");
    }
    return apply(tx, c, e, r);
  }

  private static Applied closeReplies(StateStore.Tx tx, Request r) {
    int closed = 0;
    String cadence = "";
    for (StoredEnrollment e : tx.enrollmentsOfLead(r.leadId())) {
      if (r.cadence().map(c -> c.equals(e.cadence())).orElse(true)) {
        int n = tx.closeInboxTasks(e.id(), r.at());
        if (n > 0) {
          closed += n;
          cadence = e.cadence();
        }
      }
    }
    if (closed == 0) {
      return Applied.refused("lead " + r.leadId() + " has no reply waiting to be read");
    }
    return new Applied(
        List.of(),
        Optional.empty(),
        cadence,
        "",
        false,
        List.of(closed == 1 ? "reply read" : closed + " replies read"));
  }

  private Applied apply(StateStore.Tx tx, LiveCadence c, StoredEnrollment stored, Request r) {
    Engine engine = c.engine();
    Step step = engine.cadence().step(r.step()).orElseThrow();
    String recorded = r.outcome().orElse(step.channel().touchEvent());
    if (tx.hasEvent(stored.leadId(), c.id(), step.id(), recorded, r.at())) {
      // The same outcome at the same instant: a CSV exported and imported again. Nothing to do.
      return new Applied(
          List.of(),
          Optional.empty(),
          c.id(),
          stored.status(),
          !stored.state().isActive(),
          List.of(ALREADY + ": " + recorded + " at " + r.at() + "; skipped"));
    }
    Enrollment e = stored.state();
    Optional<Pending> pending =
        e.pending().stream().filter(p -> p.step().equals(step.id())).findFirst();
    boolean touched = e.visits(step.id()) > 0;
    String template =
        step.channel() == Channel.EMAIL || step.channel() == Channel.SOCIAL
            ? step.templateFor(stored.lead().region().orElse("")).orElse("")
            : "";
    List<String> events = new ArrayList<>(2);
    List<String> notes = new ArrayList<>(0);
    Result result;
    if (r.outcome().isPresent() && !step.channel().canProduce(r.outcome().get())) {
      return Applied.refused(
          "a "
              + step.channel().yamlName()
              + " step cannot have outcome `"
              + r.outcome().get()
              + "`");
    }
    if ((step.channel() == Channel.EMAIL || step.channel() == Channel.SOCIAL)
        && touched
        && pending.isEmpty()) {
      // A response to a touch already made (a reply, an open): it may redirect or end the flow.
      if (r.outcome().isEmpty()) {
        return Applied.refused(
            "step `" + step.id() + "` was already performed; give the response with --outcome");
      }
      result = engine.respond(e, step.id(), r.outcome().get(), r.at());
      events.add(r.outcome().get());
    } else if (pending.isEmpty() || !e.isActive()) {
      return Applied.refused(
          "step `"
              + step.id()
              + "` is not pending for lead "
              + r.leadId()
              + " in "
              + c.id()
              + (e.isActive()
                  ? ""
                  : " (the enrollment ended: "
                      + e.ending().get().kind().name().toLowerCase(Locale.ROOT)
                      + (e.ending().get().name().isEmpty() ? "" : " " + e.ending().get().name())
                      + ")"));
    } else if (step.channel() == Channel.EMAIL) {
      return Applied.refused(
          "email step `" + step.id() + "` has not been sent yet; `cadence run` sends it");
    } else if (step.channel() == Channel.SOCIAL) {
      Result performed = engine.performChecked(e, step.id(), r.at());
      result =
          r.outcome().isPresent()
              ? engine.respond(performed.state(), step.id(), r.outcome().get(), r.at())
              : performed;
      events.add(step.channel().touchEvent());
      r.outcome().ifPresent(events::add);
    } else {
      result = engine.complete(e, step.id(), r.outcome(), r.fields(), r.at());
      if (!pending.get().isAwaitingOutcome()) {
        events.add(step.channel().touchEvent());
      }
      r.outcome().ifPresent(events::add);
    }
    if (result.isRefused()) {
      return Applied.refused(result.refusal().get().reason() + "; nothing recorded");
    }
    Enrollment next = result.state();
    List<OutcomeEvent> written = new ArrayList<>();
    for (String event : events) {
      OutcomeEvent ev =
          new OutcomeEvent(
              r.at(),
              e.zone(),
              stored.leadId(),
              c.id(),
              step.id(),
              step.channel(),
              template,
              stored.lead().region().orElse(""),
              event);
      tx.addEvent(ev);
      written.add(ev);
    }
    String outcome = r.outcome().orElse("");
    if (outcome.equals("unsubscribed")) {
      tx.suppress(
          new Suppression(
              Suppression.Kind.LEAD,
              stored.leadId(),
              "unsubscribed (" + c.id() + ", " + step.id() + ")",
              r.at()));
      stored
          .lead()
          .email()
          .ifPresent(
              a -> tx.suppress(new Suppression(Suppression.Kind.EMAIL, a, "unsubscribed", r.at())));
      for (StoredEnrollment other : tx.enrollmentsOfLead(stored.leadId())) {
        if (other.id() != stored.id() && other.state().isActive()) {
          tx.updateEnrollment(
              other.id(),
              LeadStatus.suppressed(other.state(), "unsubscribed", r.at()),
              Optional.empty(),
              other.status(),
              r.at());
        }
      }
      next =
          LeadStatus.suppressed(
              next, "unsubscribed", r.at()); // when exit_on does not already end it
    } else if (outcome.equals("bounced")) {
      stored
          .lead()
          .email()
          .ifPresent(
              a -> tx.suppress(new Suppression(Suppression.Kind.EMAIL, a, "bounced", r.at())));
    }
    String status = LeadStatus.of(engine, next);
    tx.updateEnrollment(
        stored.id(), next, NextDue.of(engine, next, tx.sendsOf(stored.id())), status, r.at());
    Handoffs.follow(tx, cadences, stored, next, r.at()).ifPresent(notes::add);
    return new Applied(
        written, Optional.empty(), c.id(), status, !next.isActive(), List.copyOf(notes));
  }
}
