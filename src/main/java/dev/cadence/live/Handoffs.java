package dev.cadence.live;

import dev.cadence.engine.Ending;
import dev.cadence.engine.Enrollment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows a handoff ({@code {handoff: CADENCE}}): the enrollment that ended there is followed by
 * one in the target cadence, in the same transaction, so that the lead is never left nowhere. The
 * target is registered in the store on first use (its file is found beside the source, as validate
 * does).
 */
final class Handoffs {
  private Handoffs() {}

  /**
   * If {@code next} has just ended in a handoff, enrolls the lead in the target; a note when it
   * could not.
   */
  static Optional<String> follow(
      StateStore.Tx tx,
      Map<String, LiveCadence> cadences,
      StoredEnrollment from,
      Enrollment next,
      Instant at) {
    Optional<Ending> ending = next.ending().filter(x -> x.kind() == Ending.Kind.HANDOFF);
    if (ending.isEmpty() || from.state().ending().isPresent()) {
      return Optional.empty();
    }
    String target = ending.get().name();
    LiveCadence t = cadences.get(target);
    if (t == null) {
      return Optional.of(
          "lead "
              + from.leadId()
              + " is handed over to cadence `"
              + target
              + "`, which was not found beside "
              + from.cadence()
              + "; enroll the lead there with `cadence enroll`");
    }
    if (tx.enrollment(target, from.leadId()).isPresent()) {
      return Optional.empty(); // already there: enrolling is idempotent
    }
    if (tx.cadence(target).isEmpty()) {
      tx.saveCadence(new CadenceRef(target, t.file().toString(), t.hash()));
    }
    Enrollment state = t.engine().enroll(from.lead(), at);
    Optional<Suppression> listed = tx.suppression(from.leadId(), from.lead().email());
    if (listed.isPresent()) {
      state = LeadStatus.suppressed(state, "suppressed: " + listed.get().reason(), at);
    }
    tx.insertEnrollment(
        from.lead(),
        state,
        NextDue.of(t.engine(), state, List.of()),
        LeadStatus.of(t.engine(), state),
        at);
    return Optional.empty();
  }
}
