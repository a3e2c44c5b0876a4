package dev.cadence.live;

import dev.cadence.engine.Ending;
import dev.cadence.engine.Engine;
import dev.cadence.engine.Enrollment;
import dev.cadence.engine.Touch;
import dev.cadence.model.Step;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The lead's stage in an enrollment, and the ways the live side ends one. */
public final class LeadStatus {
  private LeadStatus() {}

  /**
   * The exit's status once ended there, else the status of the last performed step that sets one.
   */
  public static String of(Engine engine, Enrollment e) {
    Optional<String> ended = e.ending().flatMap(Ending::status);
    if (ended.isPresent()) {
      return ended.get();
    }
    List<Touch> touches = e.touches();
    for (int i = touches.size() - 1; i >= 0; i--) {
      Optional<String> status = engine.cadence().step(touches.get(i).step()).flatMap(Step::status);
      if (status.isPresent()) {
        return status.get();
      }
    }
    return "";
  }

  /** Ends {@code e} because the lead (or its address) may no longer be contacted. */
  public static Enrollment suppressed(Enrollment e, String reason, Instant at) {
    if (!e.isActive()) {
      return e;
    }
    return new Enrollment(
        e.leadId(),
        e.cadence(),
        e.zone(),
        e.enrolledAt(),
        e.enrolledOn(),
        e.touches(),
        e.completed(),
        List.of(),
        Optional.of(new Ending(Ending.Kind.SUPPRESSED, reason, Optional.empty(), at)));
  }
}
