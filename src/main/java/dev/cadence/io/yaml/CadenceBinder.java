package dev.cadence.io.yaml;

import dev.cadence.io.yaml.YNode.Entry;
import dev.cadence.io.yaml.YNode.YMap;
import dev.cadence.model.Cadence;
import dev.cadence.model.Channel;
import dev.cadence.model.Durations;
import dev.cadence.model.ExitState;
import dev.cadence.model.Guard;
import dev.cadence.model.Pos;
import dev.cadence.model.SalesModel;
import dev.cadence.model.Schedule;
import dev.cadence.model.SourceMap;
import dev.cadence.model.Step;
import dev.cadence.model.StepRef;
import dev.cadence.model.Transition;
import dev.cadence.validate.BoundCadence;
import dev.cadence.validate.Code;
import dev.cadence.validate.DidYouMean;
import dev.cadence.validate.Findings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Binds a located YAML tree to the cadence model, reporting every problem of shape and value.
 *
 * <p>Plain ifs and loops, no lambdas, as in {@link NodeReader}: this runs once per start, cold.
 */
public final class CadenceBinder {
  public static final List<String> CADENCE_KEYS =
      List.of(
          "cadence",
          "name",
          "description",
          "model",
          "schedule",
          "exit_on",
          "exits",
          "statuses",
          "steps");
  public static final List<String> EXIT_KEYS = List.of("status", "require", "description");
  public static final List<String> STEP_KEYS =
      List.of(
          "id",
          "name",
          "description",
          "channel",
          "day",
          "wait",
          "template",
          "variants",
          "script",
          "status",
          "on",
          "next",
          "requires",
          "checklist",
          "team",
          "owner",
          "after",
          "reminder");
  public static final List<String> TARGET_KEYS = List.of("exit", "handoff", "fork");

  public static final Pattern CADENCE_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  private final NodeReader read;
  private final Findings findings;
  private final Set<String> stepsWithoutChannel = new HashSet<>();

  private CadenceBinder(Findings findings) {
    this.findings = findings;
    this.read = new NodeReader(findings);
  }

  /** Binds {@code root}; returns empty only when the root is not a mapping at all. */
  public static Optional<BoundCadence> bind(YNode root, Findings findings) {
    return new CadenceBinder(findings).cadence(root);
  }

  private Optional<BoundCadence> cadence(YNode root) {
    Optional<YMap> top = read.mapping(root, "a cadence file", CADENCE_KEYS);
    if (top.isEmpty()) {
      return Optional.empty();
    }
    YMap map = top.get();
    Map<String, Pos> keys = new HashMap<>();
    for (Entry e : map.entries()) {
      keys.put(e.key().text(), e.value().pos());
    }
    // Each event of exit_on keeps its own position ("exit_on.EVENT") so that a typo is shown where
    // it is.
    if (map.get("exit_on") instanceof YNode.YSeq events) {
      for (YNode item : events.items()) {
        if (item instanceof YNode.YScalar s) {
          keys.putIfAbsent("exit_on." + s.text(), s.pos());
        }
      }
    }

    YNode idNode =
        required(map, "cadence", "the cadence file", "add `cadence: my-cadence-id` at the top");
    String id = idNode == null ? "" : read.id(idNode, "cadence id", CADENCE_ID).orElse("");
    Optional<String> name = text(map, "name");
    Optional<String> description = text(map, "description");
    YNode modelNode = map.get("model");
    Optional<SalesModel> model = modelNode == null ? Optional.empty() : salesModel(modelNode);
    YNode scheduleNode = map.get("schedule");
    var schedule =
        scheduleNode == null ? Schedule.DEFAULT : ScheduleBinder.bind(scheduleNode, read);
    YNode exitOnNode = map.get("exit_on");
    List<String> exitOn = exitOnNode == null ? List.of() : read.texts(exitOnNode, "exit_on");
    YNode exitsNode = map.get("exits");
    Map<String, ExitState> exits = exitsNode == null ? Map.of() : exits(exitsNode);
    YNode statusesNode = map.get("statuses");
    List<String> statuses = statusesNode == null ? List.of() : read.texts(statusesNode, "statuses");
    YNode stepsNode =
        required(map, "steps", "the cadence file", "add a `steps:` list with at least one step");
    List<Step> steps = stepsNode == null ? List.of() : steps(stepsNode);
    Cadence cadence =
        new Cadence(
            id,
            name,
            description,
            model,
            schedule,
            exitOn,
            exits,
            statuses,
            steps,
            new SourceMap(root.pos(), keys));
    return Optional.of(new BoundCadence(cadence, stepsWithoutChannel));
  }

  /**
   * The value under {@code key}, or null after reporting it missing (unless a typo of it was
   * reported).
   */
  private YNode required(YMap map, String key, String where, String fix) {
    YNode value = map.get(key);
    if (value == null && !NodeReader.misspelled(map, key, CADENCE_KEYS)) {
      findings.error(Code.MISSING_FIELD, map.pos(), where + " has no `" + key + "`; " + fix);
    }
    return value;
  }

  private Optional<String> text(YMap map, String key) {
    YNode value = map.get(key);
    return value == null ? Optional.empty() : read.text(value, key);
  }

  private Optional<SalesModel> salesModel(YNode node) {
    Optional<String> text = read.text(node, "model");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String t = text.get();
    Optional<SalesModel> model = Spellings.salesModel(t);
    if (model.isPresent()) {
      return model;
    }
    findings.error(
        Code.BAD_MODEL,
        node.pos(),
        "model `" + t + "` is not known" + DidYouMean.hint(t, Spellings.SALES_MODELS.words()));
    return Optional.empty();
  }

  private Map<String, ExitState> exits(YNode node) {
    Map<String, ExitState> exits = new LinkedHashMap<>();
    if (!(node instanceof YMap map)) {
      read.wrongType(node, "exits", "a mapping of exit name to its definition");
      return exits;
    }
    for (Entry e : map.entries()) {
      Optional<String> name = read.id(e.key(), "exit name", NAME);
      if (name.isEmpty()) {
        continue;
      }
      Map<String, Pos> keys = new HashMap<>();
      Optional<String> status = Optional.empty();
      Guard guard = Guard.NONE;
      boolean empty = e.value() instanceof YNode.YScalar s && s.isNull();
      if (!empty) {
        Optional<YMap> body = read.mapping(e.value(), "exit `" + name.get() + "`", EXIT_KEYS);
        if (body.isPresent()) {
          for (Entry k : body.get().entries()) {
            keys.put(k.key().text(), k.value().pos());
          }
          YNode statusNode = body.get().get("status");
          status = statusNode == null ? Optional.empty() : read.text(statusNode, "status");
          YNode require = body.get().get("require");
          guard = require == null ? Guard.NONE : guard(require, keys);
          YNode descriptionNode = body.get().get("description");
          if (descriptionNode != null) {
            read.text(descriptionNode, "description");
          }
        }
      }
      exits.put(
          name.get(), new ExitState(name.get(), status, guard, new SourceMap(e.key().pos(), keys)));
    }
    return exits;
  }

  private Guard guard(YNode node, Map<String, Pos> keys) {
    Map<Channel, Integer> counts = new EnumMap<>(Channel.class);
    if (!(node instanceof YMap map)) {
      read.wrongType(node, "require", "a mapping of channel to count, e.g. { email: 2, call: 1 }");
      return Guard.NONE;
    }
    for (Entry e : map.entries()) {
      String channelName = e.key().text();
      Optional<Channel> channel = Channel.fromYaml(channelName);
      if (channel.isEmpty()) {
        findings.error(
            Code.UNKNOWN_CHANNEL,
            e.key().pos(),
            "require names unknown channel `"
                + channelName
                + "`"
                + DidYouMean.hint(channelName, Channel.yamlNames()));
        continue;
      }
      Optional<Integer> count =
          read.integer(
              e.value(),
              "require." + channelName,
              Code.BAD_COUNT,
              "write e.g. `" + channelName + ": 2`");
      if (count.isPresent()) {
        int n = count.get();
        if (n < 0) {
          findings.error(
              Code.BAD_COUNT,
              e.value().pos(),
              "require." + channelName + " must be 0 or more, not " + n);
        } else {
          counts.put(channel.get(), n);
          keys.put("require." + channelName, e.key().pos());
        }
      }
    }
    return new Guard(counts);
  }

  private List<Step> steps(YNode node) {
    if (!(node instanceof YNode.YSeq seq)) {
      read.wrongType(node, "steps", "a list of steps (each line starting with `- id: ...`)");
      return List.of();
    }
    if (seq.items().isEmpty()) {
      findings.error(
          Code.MISSING_FIELD, node.pos(), "steps is empty; a cadence needs at least one step");
    }
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      Optional<Step> step =
          new StepBinder(read, stepsWithoutChannel).bind(seq.items().get(i), i + 1);
      if (step.isPresent()) {
        steps.add(step.get());
      }
    }
    return steps;
  }

  /** Reads a transition target: a step id, {exit: X}, {handoff: Y} or {fork: [a, b]}. */
  static Optional<Transition> target(YNode node, String what, NodeReader read) {
    if (node instanceof YNode.YScalar s && !s.isNull()) {
      return Optional.of(new Transition.GoTo(new StepRef(s.text(), s.pos())));
    }
    Optional<YMap> map = read.mapping(node, what, TARGET_KEYS);
    if (map.isEmpty()) {
      return Optional.empty();
    }
    List<Entry> entries = new ArrayList<>();
    for (Entry e : map.get().entries()) {
      if (TARGET_KEYS.contains(e.key().text())) {
        entries.add(e);
      }
    }
    if (entries.size() != 1) {
      if (entries.size() > 1) {
        read.findings()
            .error(
                Code.CONFLICTING_KEYS,
                node.pos(),
                what + " must have exactly one of exit, handoff, fork");
      } else if (map.get().entries().isEmpty()) {
        read.findings()
            .error(
                Code.MISSING_FIELD,
                node.pos(),
                what
                    + " is empty; write a step id, {exit: NAME}, {handoff: CADENCE} or {fork: [a, b]}");
      }
      return Optional.empty();
    }
    Entry e = entries.get(0);
    YNode value = e.value();
    switch (e.key().text()) {
      case "exit" -> {
        Optional<String> exit = read.text(value, what + " exit");
        return exit.isEmpty()
            ? Optional.empty()
            : Optional.of(new Transition.Exit(exit.get(), value.pos()));
      }
      case "handoff" -> {
        Optional<String> handoff = read.text(value, what + " handoff");
        return handoff.isEmpty()
            ? Optional.empty()
            : Optional.of(new Transition.Handoff(handoff.get(), value.pos()));
      }
      default -> {
        List<StepRef> refs = read.stepRefs(value, what + " fork", "a fork step");
        if (refs.size() < 2 && value instanceof YNode.YSeq) {
          read.findings()
              .warning(
                  Code.BAD_JOIN,
                  value.pos(),
                  what + " forks fewer than two steps; use a plain step id instead");
        }
        return refs.isEmpty()
            ? Optional.empty()
            : Optional.of(new Transition.Fork(refs, value.pos()));
      }
    }
  }

  static Optional<Duration> duration(YNode node, String what, NodeReader read) {
    Optional<String> text = read.text(node, what);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Durations.parse(text.get()));
    } catch (
        RuntimeException e) { // as NodeReader.parsed: the parser's message becomes the diagnostic
      return read.failed(node, what, Code.BAD_DURATION, e);
    }
  }
}
