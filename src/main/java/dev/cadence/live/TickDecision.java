package dev.cadence.live;

import dev.cadence.engine.Due;
import dev.cadence.engine.Engine;
import dev.cadence.engine.Enrollment;
import dev.cadence.model.Channel;
import dev.cadence.model.Lead;
import dev.cadence.model.Step;
import dev.cadence.schedule.Calendar;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a tick decides for one enrollment, as pure functions shared by the real tick and its dry
 * run: the dry run only changes what is done with the answer.
 */
final class TickDecision {
  private TickDecision() {}

  /** Whether the due email goes out in this tick, and if not, why. */
  sealed interface Decision {
    /** Outside the lead's window (the ticks stopped for a while): wait for the next opening. */
    record WaitForWindow(Instant opening) implements Decision {}

    /** The daily cap of the sender is reached: the rest waits for tomorrow. */
    record DeferByCap() implements Decision {}

    /** The lead already gets an email in this tick: one per lead per tick, never a burst. */
    record LeadServed() implements Decision {}

    /** Send it (the suppression list and the template still have their say). */
    record Send() implements Decision {}
  }

  /**
   * The decision at {@code at} for a lead with an email due, in this order: the lead's window, the
   * daily cap ({@code capLeft} emails left), one email per lead per tick ({@code served} holds the
   * leads served so far and gains this one when it is sent to).
   */
  static Decision decide(
      Calendar calendar, Instant at, int capLeft, Set<String> served, String leadId) {
    if (!calendar.isOpen(at)) {
      return new Decision.WaitForWindow(calendar.nextOpen(at));
    }
    if (capLeft <= 0) {
      return new Decision.DeferByCap();
    }
    if (!served.add(leadId)) {
      return new Decision.LeadServed();
    }
    return new Decision.Send();
  }

  /**
   * The first email of the enrollment that is due by {@code now} and not blocked by its send row
   * (in doubt, sending or finished), if any.
   *
   * @throws IllegalArgumentException when the cadence no longer has a step the enrollment is at
   */
  static Optional<Due> firstDue(
      Engine engine, Enrollment state, List<SendRecord> sends, Instant now) {
    for (Due d : engine.due(state)) {
      if (d.step().channel() != Channel.EMAIL) {
        continue;
      }
      Optional<Instant> wake = NextDue.wake(d, NextDue.find(sends, d.step().id(), d.visit()));
      if (wake.isPresent() && !wake.get().isAfter(now)) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /** The template of {@code step} for the lead's region ("" when the step has none). */
  static String template(Step step, Lead lead) {
    return step.templateFor(lead.region().orElse("")).orElse("");
  }

  /**
   * The email for the lead, or why it is held: a lead without an address, or a placeholder it
   * cannot fill.
   */
  static MessageComposer.Composed compose(
      MessageComposer composer, LiveCadence cadence, Step step, Lead lead) {
    if (lead.email().isEmpty()) {
      return new MessageComposer.Held(List.of("email"), "the lead has no email address");
    }
    return composer.compose(cadence.dir(), template(step, lead), lead.fields());
  }
}
