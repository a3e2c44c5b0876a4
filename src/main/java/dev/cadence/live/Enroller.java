package dev.cadence.live;

import dev.cadence.engine.Ending;
import dev.cadence.engine.Engine;
import dev.cadence.engine.Enrollment;
import dev.cadence.model.Lead;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Adds leads to a cadence in the store, in batches of one transaction each. Idempotent: a lead
 * already in the cadence is counted and left as it is (unless its row now says do_not_contact,
 * which ends it: the list is the latest word on consent). A lead on the suppression list, or marked
 * do_not_contact, is stored as an enrollment that ended at once, so that status shows it.
 */
public final class Enroller implements Consumer<Lead>, AutoCloseable {
  static final int BATCH = 1_000;

  /** What enrolling did. */
  public static final class Summary {
    public int enrolled;
    public int already;
    public int suppressed;

    /** Already-enrolled leads ended now because their row says do_not_contact. */
    public int endedByDoNotContact;

    public final List<String> alreadyIds = new ArrayList<>();
  }

  private final StateStore store;
  private final Engine engine;
  private final Function<Lead, Instant> start;
  private final Instant now;
  private final Summary summary = new Summary();
  private List<Lead> batch = new ArrayList<>(BATCH);

  /**
   * {@code start} gives each lead's enrollment instant (now, or a future day in the lead's zone).
   */
  public Enroller(
      StateStore store, CadenceRef ref, Engine engine, Function<Lead, Instant> start, Instant now) {
    this.store = store;
    this.engine = engine;
    this.start = start;
    this.now = now;
    store.write(
        tx -> {
          tx.saveCadence(ref);
          return null;
        });
  }

  @Override
  public void accept(Lead lead) {
    batch.add(lead);
    if (batch.size() >= BATCH) {
      flush();
    }
  }

  @Override
  public void close() {
    flush();
  }

  public Summary summary() {
    return summary;
  }

  private void flush() {
    if (batch.isEmpty()) {
      return;
    }
    List<Lead> leads = batch;
    batch = new ArrayList<>(BATCH);
    store.write(
        tx -> {
          for (Lead lead : leads) {
            enroll(tx, lead);
          }
          return null;
        });
  }

  private void enroll(StateStore.Tx tx, Lead lead) {
    String cadence = engine.cadence().id();
    Optional<StoredEnrollment> existing = tx.enrollment(cadence, lead.id());
    if (existing.isPresent()) {
      summary.already++;
      if (summary.alreadyIds.size() < 50) {
        summary.alreadyIds.add(lead.id());
      }
      StoredEnrollment e = existing.get();
      if (lead.doNotContact() && e.state().isActive()) {
        Enrollment ended = LeadStatus.suppressed(e.state(), "do_not_contact", now);
        tx.updateEnrollment(e.id(), ended, Optional.empty(), e.status(), now);
        summary.endedByDoNotContact++;
      }
      return;
    }
    Enrollment state = engine.enroll(lead, start.apply(lead));
    Optional<Suppression> listed = tx.suppression(lead.id(), lead.email());
    if (listed.isPresent()) {
      state = LeadStatus.suppressed(state, "suppressed: " + listed.get().reason(), now);
    }
    if (state.ending().filter(x -> x.kind() == Ending.Kind.SUPPRESSED).isPresent()) {
      summary.suppressed++;
    } else {
      summary.enrolled++;
    }
    tx.insertEnrollment(
        lead, state, NextDue.of(engine, state, List.of()), LeadStatus.of(engine, state), now);
  }
}
