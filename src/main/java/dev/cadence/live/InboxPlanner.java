package dev.cadence.live;

import dev.cadence.inbox.BounceClass;
import dev.cadence.inbox.FailedRecipient;
import dev.cadence.inbox.Verdict;
import dev.cadence.model.OutcomeEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a judged message does to the store: matched to the email it answers (by our Message-ID in
 * its references, else by the address we sent to), then turned into effects. Planning only reads,
 * so a dry run shows the plan; {@link #apply} makes it, in the caller's transaction.
 */
public final class InboxPlanner {
  /**
   * What one message does.
   *
   * @param verdict the judge's verdict, or {@code other} for a reply from no one we emailed
   * @param match the email it answers, when one was found
   * @param senderFault a bounce blames our sending (blocked, unauthenticated...): the operator is
   *     warned, no lead is blamed
   * @param later its cadence cannot be loaded now: the message is left unread for a later run
   * @param notes what a person should know beside the effects (one line each)
   */
  public record Plan(
      Verdict verdict,
      Optional<SendRecord> match,
      List<InboxEffect> effects,
      boolean senderFault,
      boolean later,
      List<String> notes) {
    public Plan {
      effects = List.copyOf(effects);
      notes = List.copyOf(notes);
    }
  }

  private final Map<String, LiveCadence> cadences;
  private final Recorder recorder;
  private final InboxPolicy policy;

  public InboxPlanner(Map<String, LiveCadence> cadences, Recorder recorder, InboxPolicy policy) {
    this.cadences = Map.copyOf(cadences);
    this.recorder = recorder;
    this.policy = policy;
  }

  /** The plan for {@code verdict} given what {@code tx} holds; writes nothing. */
  public Plan plan(StateStore.Tx tx, Verdict verdict, Instant at) {
    List<InboxEffect> effects = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Optional<SendRecord> match = Optional.empty();
    boolean senderFault = false;
    if (verdict instanceof Verdict.Bounce b) {
      for (FailedRecipient r : b.recipients()) {
        Optional<SendRecord> sent = match(tx, b.references(), r.address(), true);
        match = match.or(() -> sent);
        if (r.bounceClass() == BounceClass.SENDER) {
          senderFault = true;
          notes.add(
              "the server refused our sending to "
                  + r.address()
                  + " ("
                  + r.cause().name().toLowerCase(Locale.ROOT)
                  + "): check the sending set-up; the lead is not blamed");
          continue;
        }
        boolean hard = r.bounceClass() == BounceClass.HARD;
        if (!hard) {
          int inARow = tx.softBouncesInARow(r.address()) + 1;
          effects.add(new InboxEffect.CountSoftBounce(r.address()));
          if (inARow >= policy.softBouncesAsHard()) {
            hard = true;
            notes.add(inARow + " soft bounces in a row for " + r.address() + ": taken as hard");
          }
        }
        if (hard) {
          String why = "bounced" + r.status().map(s -> " (" + s + ")").orElse("");
          effects.add(new InboxEffect.SuppressAddress(r.address(), why));
          sent.ifPresent(
              s -> {
                effects.add(outcome(s, "bounced", at));
                effects.add(new InboxEffect.EndEnrollments(s.leadId(), why));
              });
        }
      }
    } else if (verdict instanceof Verdict.DeliveryReport d) {
      if (d.action().equals("delivered")) {
        d.recipients().forEach(a -> effects.add(new InboxEffect.ClearSoftBounces(a)));
      }
    } else if (verdict instanceof Verdict.Complaint c) {
      List<String> addresses = new ArrayList<>(c.addresses());
      if (addresses.isEmpty()) {
        match(tx, c.references(), "", false).ifPresent(s -> addresses.add(s.recipient()));
      }
      for (String address : addresses) {
        Optional<SendRecord> sent = match(tx, c.references(), address, true);
        match = match.or(() -> sent);
        effects.add(
            new InboxEffect.SuppressAddress(address, "complaint (" + c.feedbackType() + ")"));
        sent.ifPresent(s -> effects.add(outcome(s, "unsubscribed", at)));
      }
    } else if (verdict instanceof Verdict.Unsubscribe u) {
      match = match(tx, u.references(), u.address(), false);
      effects.add(new InboxEffect.SuppressAddress(u.address(), "unsubscribed by email"));
      match.ifPresent(s -> effects.add(outcome(s, "unsubscribed", at)));
    } else if (verdict instanceof Verdict.AutoReply a) {
      match = match(tx, a.references(), a.sender(), false);
      if (match.isPresent()) {
        ZoneId zone =
            tx.enrollment(match.get().enrollmentId())
                .map(e -> e.state().zone())
                .orElse(ZoneId.of("UTC"));
        Instant until =
            a.until()
                .map(d -> d.plusDays(1).atStartOfDay(zone).toInstant())
                .filter(u -> u.isAfter(at))
                .orElse(at.plus(policy.defaultPause()));
        effects.add(new InboxEffect.Pause(match.get().leadId(), until));
      }
    } else if (verdict instanceof Verdict.Reply r) {
      match = match(tx, r.references(), r.sender(), false);
      if (match.isEmpty()) {
        return new Plan(
            new Verdict.Other(
                "a message from " + r.sender() + ", who is not a lead we emailed", r.references()),
            match,
            List.of(),
            false,
            false,
            List.of());
      }
      SendRecord s = match.get();
      effects.add(outcome(s, "replied", at));
      effects.add(new InboxEffect.ClearSoftBounces(r.sender()));
      effects.add(
          new InboxEffect.ReplyToRead(
              s.enrollmentId(),
              s.step(),
              "read the reply of "
                  + r.sender()
                  + (r.freshText().isBlank() ? "" : ": " + r.freshText())));
    }
    boolean later = match.isPresent() && !cadences.containsKey(match.get().cadence());
    if (later) {
      notes.add("cadence " + match.get().cadence() + " cannot be loaded: left for a later run");
      effects.clear();
    }
    return new Plan(verdict, match, effects, senderFault, later, notes);
  }

  /**
   * The email a message is about: one of ours among its references (for a bounce, the one sent to
   * {@code address} when {@code sameAddress}), else the latest email sent to {@code address}.
   */
  private static Optional<SendRecord> match(
      StateStore.Tx tx, List<String> references, String address, boolean sameAddress) {
    for (String id : references) {
      Optional<SendRecord> s = tx.sendWithMessageId(id);
      if (s.isPresent()
          && (!sameAddress || Suppression.normalise(s.get().recipient()).equals(norm(address)))) {
        return s;
      }
    }
    return address.isBlank() ? Optional.empty() : tx.latestSendTo(address);
  }

  private static String norm(String address) {
    return Suppression.normalise(address);
  }

  private static InboxEffect outcome(SendRecord s, String outcome, Instant at) {
    return new InboxEffect.RecordOutcome(
        new Recorder.Request(
            s.leadId(), Optional.of(s.cadence()), s.step(), Optional.of(outcome), Map.of(), at));
  }

  /** Makes the plan's effects in {@code tx}; returns the outcome events written, for the log. */
  public List<OutcomeEvent> apply(StateStore.Tx tx, Plan plan, Instant at, List<String> notes) {
    List<OutcomeEvent> events = new ArrayList<>();
    for (InboxEffect effect : plan.effects()) {
      if (effect instanceof InboxEffect.SuppressAddress s) {
        tx.suppress(new Suppression(Suppression.Kind.EMAIL, s.address(), s.reason(), at));
      } else if (effect instanceof InboxEffect.RecordOutcome r) {
        Recorder.Applied applied = recorder.record(tx, r.request());
        applied
            .refusal()
            .ifPresent(
                why -> notes.add(r.request().outcome().orElse("") + " not recorded: " + why));
        events.addAll(applied.events());
      } else if (effect instanceof InboxEffect.EndEnrollments e) {
        for (StoredEnrollment other : tx.enrollmentsOfLead(e.leadId())) {
          if (other.state().isActive()) {
            tx.updateEnrollment(
                other.id(),
                LeadStatus.suppressed(other.state(), e.reason(), at),
                Optional.empty(),
                other.status(),
                at);
          }
        }
      } else if (effect instanceof InboxEffect.Pause p) {
        for (StoredEnrollment e : tx.enrollmentsOfLead(p.leadId())) {
          LiveCadence c = cadences.get(e.cadence());
          if (e.state().isActive() && c != null) {
            var paused = e.state().pausedUntil(p.until());
            tx.updateEnrollment(
                e.id(), paused, NextDue.of(c.engine(), paused, tx.sendsOf(e.id())), e.status(), at);
          }
        }
      } else if (effect instanceof InboxEffect.CountSoftBounce c) {
        tx.countSoftBounce(c.address(), at);
      } else if (effect instanceof InboxEffect.ClearSoftBounces c) {
        tx.clearSoftBounces(c.address());
      } else if (effect instanceof InboxEffect.ReplyToRead r) {
        tx.addInboxTask(r.enrollmentId(), r.step(), r.what(), at);
      }
    }
    return events;
  }
}
