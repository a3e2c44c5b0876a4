package dev.cadence.live;

import dev.cadence.model.OutcomeEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lead asked to stop (a one-click unsubscribe, a signed link, a script): the lead and its
 * addresses are suppressed, its enrollments end, and {@code unsubscribed} is recorded on the last
 * email it received, all in one transaction. Asking twice changes nothing more.
 */
public final class Unsubscriber {
  /**
   * What unsubscribing did.
   *
   * @param known the lead is in the store
   * @param already it was suppressed before
   */
  public record Done(String leadId, boolean known, boolean already, List<OutcomeEvent> events) {}

  private final StateStore store;
  private final Recorder recorder;

  public Unsubscriber(
      StateStore store, Map<String, LiveCadence> cadences, Map<String, String> refused) {
    this.store = store;
    this.recorder = new Recorder(store, cadences, refused);
  }

  public Done unsubscribe(String leadId, String via, Instant at) {
    return store.write(tx -> unsubscribe(tx, leadId, via, at));
  }

  private Done unsubscribe(StateStore.Tx tx, String leadId, String via, Instant at) {
    List<StoredEnrollment> enrollments = tx.enrollmentsOfLead(leadId);
    if (enrollments.isEmpty()) {
      return new Done(leadId, false, false, List.of());
    }
    Optional<String> email = enrollments.get(0).lead().email();
    boolean already = tx.suppression(leadId, email).isPresent();
    List<OutcomeEvent> events = new ArrayList<>();
    Optional<SendRecord> last =
        enrollments.stream()
            .flatMap(e -> tx.sendsOf(e.id()).stream())
            .filter(s -> s.startedAt().isPresent())
            .max(Comparator.comparing(s -> s.startedAt().get()));
    if (last.isPresent() && !already) {
      SendRecord s = last.get();
      events.addAll(
          recorder
              .record(
                  tx,
                  new Recorder.Request(
                      leadId,
                      Optional.of(s.cadence()),
                      s.step(),
                      Optional.of("unsubscribed"),
                      Map.of(),
                      at))
              .events());
    }
    tx.suppress(new Suppression(Suppression.Kind.LEAD, leadId, "unsubscribed (" + via + ")", at));
    email.ifPresent(
        a -> tx.suppress(new Suppression(Suppression.Kind.EMAIL, a, "unsubscribed", at)));
    for (StoredEnrollment e : tx.enrollmentsOfLead(leadId)) {
      if (e.state().isActive()) {
        tx.updateEnrollment(
            e.id(),
            LeadStatus.suppressed(e.state(), "unsubscribed", at),
            Optional.empty(),
            e.status(),
            at);
      }
    }
    return new Done(leadId, true, already, events);
  }
}
