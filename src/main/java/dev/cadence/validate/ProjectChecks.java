package dev.cadence.validate;

import dev.cadence.model.Cadence;
import dev.cadence.model.Step;
import dev.cadence.model.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks across all the cadences validated together: unique ids, handoffs that resolve. */
public final class ProjectChecks {
  /** A cadence and the file it came from. */
  public record Entry(String file, Cadence cadence) {}

  private ProjectChecks() {}

  public static List<Diagnostic> check(List<Entry> entries) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, Entry> byId = new LinkedHashMap<>();
    for (Entry e : entries) {
      String id = e.cadence().id();
      if (id.isEmpty()) {
        continue;
      }
      Entry first = byId.putIfAbsent(id, e);
      if (first != null) {
        var pos = e.cadence().where().at("cadence");
        out.add(
            new Diagnostic(
                e.file(),
                pos.line(),
                pos.column(),
                Severity.ERROR,
                Code.DUPLICATE_CADENCE,
                "cadence id `"
                    + id
                    + "` is also defined in "
                    + first.file()
                    + ":"
                    + first.cadence().where().at("cadence").line()
                    + "; cadence ids must be unique"));
      }
    }
    // Plain loops: a bound method reference such as Handoff.class::isInstance makes the JVM spin a
    // method-handle class at every start (it cannot be archived), a cost each `validate` paid.
    for (Entry e : entries) {
      for (Step step : e.cadence().steps()) {
        List<Transition> targets = new ArrayList<>(step.on().values());
        if (step.next().isPresent()) {
          targets.add(step.next().get());
        }
        for (Transition t : targets) {
          if (t instanceof Transition.Handoff h && !byId.containsKey(h.cadence())) {
            out.add(unknownCadence(e.file(), h, byId.keySet()));
          }
        }
      }
    }
    return out;
  }

  private static Diagnostic unknownCadence(String file, Transition.Handoff h, Set<String> known) {
    return new Diagnostic(
        file,
        h.pos().line(),
        h.pos().column(),
        Severity.ERROR,
        Code.UNKNOWN_CADENCE,
        "handoff to unknown cadence `"
            + h.cadence()
            + "`"
            + DidYouMean.closest(h.cadence(), known)
                .map(b -> "; did you mean `" + b + "`?")
                .orElse(
                    "; validate it together with the file that defines it (e.g. `cadence validate cadences/`)"));
  }
}
