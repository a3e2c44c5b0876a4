package dev.cadence.cli;

import dev.cadence.io.log.OutcomeLogAppender;
import dev.cadence.live.StateStore;
import dev.cadence.live.Unsubscriber;
import java.time.Clock;

/** What {@code serve} and {@code unsubscribe} both do with a lead whose token verified. */
final class Unsubscribing {
  private Unsubscribing() {}

  /** Unsubscribes {@code leadId}; returns one line for a person. */
  static String unsubscribe(
      StateStore store, OutcomeLogAppender log, String leadId, String via, Clock clock) {
    LiveCadences.Loaded loaded = LiveCadences.load(store);
    Unsubscriber.Done done =
        new Unsubscriber(store, loaded.cadences(), loaded.refused())
            .unsubscribe(leadId, via, clock.instant());
    if (log != null && !done.events().isEmpty()) {
      log.append(done.events());
    }
    if (!done.known()) {
      return "You will not receive these emails.";
    }
    return done.already()
        ? "You were already unsubscribed; you will not receive these emails any more."
        : "You are unsubscribed; you will not receive these emails any more.";
  }
}
