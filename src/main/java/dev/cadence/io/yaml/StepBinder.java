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
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binds one item of {@code steps:}. Plain ifs and loops, no lambdas, as in {@link NodeReader}. */
final class StepBinder {
  private final NodeReader read;
  private final Set<String> stepsWithoutChannel;

  StepBinder(NodeReader read, Set<String> stepsWithoutChannel) {
    this.read = read;
    this.stepsWithoutChannel = stepsWithoutChannel;
  }

  Optional<Step> bind(YNode node, int index) {
    Optional<YMap> found =
        read.mapping(
            node, "step " + peekId(node).orElse(String.valueOf(index)), CadenceBinder.STEP_KEYS);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    YMap map = found.get();
    Map<String, Pos> keys = new HashMap<>();
    for (Entry e : map.entries()) {
      keys.put(e.key().text(), e.value().pos());
    }

    YNode idNode = map.get("id");
    if (idNode == null && !NodeReader.misspelled(map, "id", CadenceBinder.STEP_KEYS)) {
      read.findings()
          .error(
              Code.MISSING_FIELD,
              map.pos(),
              "step " + index + " has no `id`; add e.g. `id: intro-email`");
    }
    Optional<String> id =
        idNode == null ? Optional.empty() : read.id(idNode, "step id", CadenceBinder.NAME);
    String label = "step `" + id.orElse(String.valueOf(index)) + "`";
    String stepId = id.orElse("#" + index);

    Optional<Channel> channel = channel(map, label);
    if (channel.isEmpty()) {
      stepsWithoutChannel.add(stepId);
    }
    Timing timing = timing(map, label);
    Map<String, String> variants = new LinkedHashMap<>();
    YNode variantsNode = map.get("variants");
    if (variantsNode instanceof YMap vm) {
      for (Entry e : vm.entries()) {
        Optional<String> t = read.text(e.value(), label + " variant `" + e.key().text() + "`");
        if (t.isPresent()) {
          variants.put(e.key().text(), t.get());
          keys.put("variants." + e.key().text(), e.value().pos());
        }
      }
    } else if (variantsNode != null) {
      read.wrongType(
          variantsNode,
          label + " variants",
          "a mapping of region to template, e.g. { EMEA-FR: intro-fr }");
    }
    Map<String, Transition> on = new LinkedHashMap<>();
    YNode onNode = map.get("on");
    if (onNode instanceof YMap om) {
      for (Entry e : om.entries()) {
        keys.put("on." + e.key().text(), e.key().pos());
        Optional<Transition> t =
            CadenceBinder.target(e.value(), label + " on." + e.key().text(), read);
        if (t.isPresent()) {
          on.put(e.key().text(), t.get());
        }
      }
    } else if (onNode != null) {
      read.wrongType(
          onNode,
          label + " on",
          "a mapping of outcome to target, e.g. { connected: qualify-call }");
    }
    YNode nextNode = map.get("next");
    Optional<Transition> next =
        nextNode == null ? Optional.empty() : CadenceBinder.target(nextNode, label + " next", read);
    YNode afterNode = map.get("after");
    List<StepRef> after =
        afterNode == null ? List.of() : read.stepRefs(afterNode, label + " after", "an after step");
    YNode requires = map.get("requires");
    YNode checklist = map.get("checklist");
    YNode reminder = map.get("reminder");
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
            requires == null ? List.of() : read.texts(requires, label + " requires"),
            checklist == null ? List.of() : read.texts(checklist, label + " checklist"),
            text(map, "team", label),
            text(map, "owner", label),
            after,
            reminder == null
                ? Optional.empty()
                : CadenceBinder.duration(reminder, label + " reminder", read),
            new SourceMap(map.pos(), keys)));
  }

  /** The step's id for messages about its keys, before the id itself is checked. */
  private static Optional<String> peekId(YNode node) {
    // instanceof, not YScalar.class::isInstance: a method reference bound to a Class makes the JVM
    // generate a method-handle class at each start, outside the class-data archive.
    if (node instanceof YMap map
        && map.entry("id").isPresent()
        && map.entry("id").get().value() instanceof YNode.YScalar id) {
      return Optional.of("`" + id.text() + "`");
    }
    return Optional.empty();
  }

  private Optional<Channel> channel(YMap map, String label) {
    YNode node = map.get("channel");
    if (node == null) {
      if (NodeReader.misspelled(map, "channel", CadenceBinder.STEP_KEYS)) {
        return Optional.empty();
      }
      read.findings()
          .error(
              Code.MISSING_FIELD,
              map.pos(),
              label + " has no `channel`; add one of " + String.join(", ", Channel.yamlNames()));
      return Optional.empty();
    }
    Optional<String> text = read.text(node, label + " channel");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String t = text.get();
    Optional<Channel> c = Channel.fromYaml(t);
    if (c.isEmpty()) {
      read.findings()
          .error(
              Code.UNKNOWN_CHANNEL,
              node.pos(),
              label + " has unknown channel `" + t + "`" + DidYouMean.hint(t, Channel.yamlNames()));
    }
    return c;
  }

  private Timing timing(YMap map, String label) {
    YNode day = map.get("day");
    YNode wait = map.get("wait");
    if (day != null && wait != null) {
      read.findings()
          .error(
              Code.CONFLICTING_KEYS,
              map.entry("wait").get().key().pos(),
              label
                  + " has both `day` and `wait`; keep `day` for a fixed day of the cadence or `wait` for a delay after the previous touch");
    }
    if (day != null) {
      Optional<Integer> n =
          read.integer(
              day, label + " day", Code.BAD_DAY, "day 1 is the enrollment day, e.g. `day: 3`");
      if (n.isPresent() && n.get() < 1) {
        read.findings()
            .error(
                Code.BAD_DAY,
                day.pos(),
                label + " day must be 1 or more (day 1 is the enrollment day), not " + n.get());
        return new Timing.Immediately();
      }
      return n.isPresent() ? new Timing.OnDay(n.get()) : new Timing.Immediately();
    }
    Optional<Duration> delay =
        wait == null ? Optional.empty() : CadenceBinder.duration(wait, label + " wait", read);
    return delay.isPresent() ? new Timing.Wait(delay.get()) : new Timing.Immediately();
  }

  private Optional<String> text(YMap map, String key, String label) {
    YNode value = map.get(key);
    return value == null ? Optional.empty() : read.text(value, label + " " + key);
  }
}
