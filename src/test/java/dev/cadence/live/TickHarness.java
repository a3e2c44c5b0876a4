package dev.cadence.live;

import dev.cadence.engine.Engine;
import dev.cadence.io.CadenceWorkspace;
import dev.cadence.io.template.TemplateComposer;
import dev.cadence.model.Cadence;
import dev.cadence.model.Lead;
import dev.cadence.model.OutcomeEvent;
import dev.cadence.store.Stores;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A store, one cadence from a file, a scripted sender and a clock: ticks in-process. */
final class TickHarness implements AutoCloseable {
  final Path dir;
  final StateStore store;
  final LiveCadence cadence;
  final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
  final ScriptedSender sender = new ScriptedSender();
  final List<Instant> sendTimes = Collections.synchronizedList(new ArrayList<>());
  final List<OutcomeEvent> logged = Collections.synchronizedList(new ArrayList<>());
  MessageComposer composer = new TemplateComposer();
  TickOptions options =
      new TickOptions("sales@northwind.example", Optional.empty(), Optional.empty());

  TickHarness(Path dir, String yaml) throws IOException {
    this.dir = dir;
    LiveFixture.cadence(dir, "cadence", yaml);
    this.cadence = load(dir);
    this.store = Stores.openOrCreate(dir.resolve("state.db"));
    sender.script(
        e -> {
          sendTimes.add(clock.instant());
          return new SendResult.Sent("250 OK");
        });
  }

  /** The cadence written by the constructor, loaded again (another engine over the same file). */
  static LiveCadence load(Path dir) {
    CadenceWorkspace.Prepared prepared =
        CadenceWorkspace.prepare(List.of(dir.resolve("cadence.yaml")));
    if (!prepared.result().valid()) {
      throw new AssertionError("fixture cadence invalid: " + prepared.result().files());
    }
    Cadence c = prepared.cadences().get(0);
    return new LiveCadence(new Engine(c), dir.resolve("cadence.yaml"), "h1");
  }

  static Lead lead(String id, String email, String zone) {
    return new Lead(
        id,
        Map.of("id", id, "email", email, "first_name", "F" + id, "company", "Co " + id),
        Optional.of(java.time.ZoneId.of(zone)),
        false,
        0);
  }

  /** Enrolls {@code leads}, each at the start of {@code day} in its own zone. */
  Enroller.Summary enroll(List<Lead> leads, LocalDate day) {
    Engine engine = cadence.engine();
    try (Enroller enroller =
        new Enroller(
            store,
            new CadenceRef(cadence.id(), dir.resolve("cadence.yaml").toString(), "h1"),
            engine,
            l -> day.atStartOfDay(engine.zoneOf(l)).toInstant(),
            clock.instant())) {
      leads.forEach(enroller);
      enroller.close();
      return enroller.summary();
    }
  }

  TickReport tick(Instant at) {
    clock.set(at);
    return new Tick(
            store,
            Map.of(cadence.id(), cadence),
            sender,
            composer,
            clock,
            options,
            logged::addAll,
            CrashPoints.NONE)
        .run(Map.of());
  }

  List<SendRecord> sends(SendState... states) {
    return store.read(tx -> tx.sendsIn(List.of(states)));
  }

  StoredEnrollment enrollment(String leadId) {
    return store.read(tx -> tx.enrollment(cadence.id(), leadId)).orElseThrow();
  }

  Optional<Suppression> suppression(String leadId, String email) {
    return store.read(tx -> tx.suppression(leadId, Optional.of(email)));
  }

  @Override
  public void close() {
    store.close();
  }
}
