package dev.cadence.validate;

import dev.cadence.model.Cadence;
import dev.cadence.model.Step;
import dev.cadence.model.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
        out.add(new Diagnostic(e.file(), pos.line(), pos.column(), Severity.ERROR, Code.DUPLICATE_CADENCE,
            "cadence id `" + id + "` is also defined in " + first.file() + ":" + first.cadence().where().at("cadence").line()
                + "; cadence ids must be unique"));
      }
    }
    for (Entry e : entries) {
      for (Step step : e.cadence().steps()) {
        Stream.concat(step.on().values().stream(), step.next().stream())
            .filter(Transition.Handoff.class::isInstance)
            .map(Transition.Handoff.class::cast)
            .filter(h -> !byId.containsKey(h.cadence()))
            .forEach(h -> out.add(new Diagnostic(e.file(), h.pos().line(), h.pos().column(), Severity.ERROR,
                Code.UNKNOWN_CADENCE,
                "handoff to unknown cadence `" + h.cadence() + "`" + DidYouMean.closest(h.cadence(), byId.keySet())
                    .map(b -> "; did you mean `" + b + "`?")
                    .orElse("; validate it together with the file that defines it (e.g. `cadence validate cadences/`)"))));
      }
    }
    return out;
  }
}
