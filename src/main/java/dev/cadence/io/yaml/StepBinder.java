package dev.cadence.io.yaml;

import dev.cadence.io.yaml.YNode.Entry;
import dev.cadence.io.yaml.YNode.YMap;
import dev.cadence.model.Channel;
import dev.cadence.model.Pos;
import dev.cadence.model.SourceMap;
import dev.cadence.model.Step;
import dev.cadence.model.StepRef;
import dev.cadence.model.Timing;
import dev.cadence.model.Transition;
import dev.cadence.validate.Code;
import dev.cadence.validate.DidYouMean;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binds one item of {@code steps:}. */
final class StepBinder {
  private final NodeReader read;
  private final Set<String> stepsWithoutChannel;

  StepBinder(NodeReader read, Set<String> stepsWithoutChannel) {
    this.read = read;
    this.stepsWithoutChannel = stepsWithoutChannel;
  }

  Optional<Step> bind(YNode node, int index) {
    Optional<YMap> found = read.mapping(node, "step " + peekId(node).orElse(String.valueOf(index)), CadenceBinder.STEP_KEYS);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    YMap map = found.get();
    Map<String, Pos> keys = new HashMap<>();
    map.entries().forEach(e -> keys.put(e.key().text(), e.value().pos()));

    Optional<YNode> idNode = map.entry("id").map(Entry::value);
    if (idNode.isEmpty() && !NodeReader.misspelled(map, "id", CadenceBinder.STEP_KEYS)) {
      read.findings().error(Code.MISSING_FIELD, map.pos(), "step " + index + " has no `id`; add e.g. `id: intro-email`");
    }
    Optional<String> id = idNode.flatMap(n -> read.id(n, "step id", CadenceBinder.NAME));
    String label = "step `" + id.orElse(String.valueOf(index)) + "`";
    String stepId = id.orElse("#" + index);

    Optional<Channel> channel = channel(map, label);
    if (channel.isEmpty()) {
      stepsWithoutChannel.add(stepId);
    }
    Timing timing = timing(map, label);
    Map<String, String> variants = new LinkedHashMap<>();
    value(map, "variants")
        .ifPresent(
            v -> {
              if (v instanceof YMap vm) {
                for (Entry e : vm.entries()) {
                  read.text(e.value(), label + " variant `" + e.key().text() + "`")
                      .ifPresent(t -> {
                        variants.put(e.key().text(), t);
                        keys.put("variants." + e.key().text(), e.value().pos());
                      });
                }
              } else {
                read.wrongType(v, label + " variants", "a mapping of region to template, e.g. { EMEA-FR: intro-fr }");
              }
            });
    Map<String, Transition> on = new LinkedHashMap<>();
    value(map, "on")
        .ifPresent(
            v -> {
              if (v instanceof YMap om) {
                for (Entry e : om.entries()) {
                  keys.put("on." + e.key().text(), e.key().pos());
                  CadenceBinder.target(e.value(), label + " on." + e.key().text(), read)
                      .ifPresent(t -> on.put(e.key().text(), t));
                }
              } else {
                read.wrongType(v, label + " on", "a mapping of outcome to target, e.g. { connected: qualify-call }");
              }
            });
    Optional<Transition> next = value(map, "next").flatMap(v -> CadenceBinder.target(v, label + " next", read));
    List<StepRef> after =
        value(map, "after")
            .map(v -> read.list(v, label + " after", n -> read.text(n, "an after step").map(t -> new StepRef(t, n.pos()))))
            .orElse(List.of());
    return Optional.of(
        new Step(
            stepId,
            text(map, "name", label),
            channel.orElse(Channel.TASK),
            timing,
            text(map, "template", label),
            variants,
            text(map, "script", label),
            text(map, "status", label),
            on,
            next,
            value(map, "requires").map(v -> read.texts(v, label + " requires")).orElse(List.of()),
            value(map, "checklist").map(v -> read.texts(v, label + " checklist")).orElse(List.of()),
            text(map, "team", label),
            text(map, "owner", label),
            after,
            value(map, "reminder").flatMap(v -> CadenceBinder.duration(v, label + " reminder", read)),
            new SourceMap(map.pos(), keys)));
  }

  /** The step's id for messages about its keys, before the id itself is checked. */
  private static Optional<String> peekId(YNode node) {
    // instanceof, not YScalar.class::isInstance: a method reference bound to a Class makes the JVM
    // generate a method-handle class at each start, outside the class-data archive.
    if (node instanceof YMap map && map.entry("id").isPresent() && map.entry("id").get().value() instanceof YNode.YScalar id) {
      return Optional.of("`" + id.text() + "`");
    }
    return Optional.empty();
  }

  private Optional<Channel> channel(YMap map, String label) {
    Optional<YNode> node = value(map, "channel");
    if (node.isEmpty()) {
      if (NodeReader.misspelled(map, "channel", CadenceBinder.STEP_KEYS)) {
        return Optional.empty();
      }
      read.findings().error(
          Code.MISSING_FIELD, map.pos(), label + " has no `channel`; add one of " + String.join(", ", Channel.yamlNames()));
      return Optional.empty();
    }
    return read.text(node.get(), label + " channel")
        .flatMap(
            t -> {
              Optional<Channel> c = Channel.fromYaml(t);
              if (c.isEmpty()) {
                read.findings().error(
                    Code.UNKNOWN_CHANNEL,
                    node.get().pos(),
                    label + " has unknown channel `" + t + "`" + DidYouMean.hint(t, Channel.yamlNames()));
              }
              return c;
            });
  }

  private Timing timing(YMap map, String label) {
    Optional<YNode> day = value(map, "day");
    Optional<YNode> wait = value(map, "wait");
    if (day.isPresent() && wait.isPresent()) {
      read.findings().error(
          Code.CONFLICTING_KEYS,
          map.entry("wait").get().key().pos(),
          label + " has both `day` and `wait`; keep `day` for a fixed day of the cadence or `wait` for a delay after the previous touch");
    }
    if (day.isPresent()) {
      Optional<Integer> n =
          read.integer(day.get(), label + " day", Code.BAD_DAY, "day 1 is the enrollment day, e.g. `day: 3`");
      if (n.isPresent() && n.get() < 1) {
        read.findings().error(Code.BAD_DAY, day.get().pos(), label + " day must be 1 or more (day 1 is the enrollment day), not " + n.get());
        return new Timing.Immediately();
      }
      return n.<Timing>map(Timing.OnDay::new).orElse(new Timing.Immediately());
    }
    return wait.flatMap(w -> CadenceBinder.duration(w, label + " wait", read))
        .<Timing>map(Timing.Wait::new)
        .orElse(new Timing.Immediately());
  }

  private Optional<String> text(YMap map, String key, String label) {
    return value(map, key).flatMap(v -> read.text(v, label + " " + key));
  }

  private static Optional<YNode> value(YMap map, String key) {
    return map.entry(key).map(Entry::value);
  }
}
