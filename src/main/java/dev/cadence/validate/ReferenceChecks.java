package dev.cadence.validate;

import dev.cadence.model.Cadence;
import dev.cadence.model.CadenceGraph;
import dev.cadence.model.Channel;
import dev.cadence.model.ExitState;
import dev.cadence.model.Outcomes;
import dev.cadence.model.Pos;
import dev.cadence.model.Step;
import dev.cadence.model.StepRef;
import dev.cadence.model.Timing;
import dev.cadence.model.Transition;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks of one cadence that look up names: steps, exits, outcomes, templates, statuses, days.
 *
 * <p>Plain loops and ifs rather than lambdas and streams: every {@code validate} start runs these
 * checks once, cold, and each lambda is linked at run time on first use.
 */
final class ReferenceChecks {
  private final Cadence cadence;
  private final CadenceGraph graph;
  private final Set<String> stepsWithoutChannel;
  private final Library library;
  private final Findings findings;
  private final List<String> stepIds;

  ReferenceChecks(
      CadenceGraph graph, Set<String> stepsWithoutChannel, Library library, Findings findings) {
    this.cadence = graph.cadence();
    this.graph = graph;
    this.stepsWithoutChannel = stepsWithoutChannel;
    this.library = library;
    this.findings = findings;
    Set<String> ids = new LinkedHashSet<>();
    for (Step step : cadence.steps()) {
      ids.add(step.id());
    }
    this.stepIds = List.copyOf(ids);
  }

  void run() {
    duplicateSteps();
    exitOn();
    for (Step step : cadence.steps()) {
      for (Map.Entry<String, Transition> on : step.on().entrySet()) {
        outcome(step, on.getKey());
        target(step, on.getValue());
      }
      if (step.next().isPresent()) {
        target(step, step.next().get());
      }
      after(step);
      content(step);
      if (step.status().isPresent()) {
        status(step.status().get(), step.where().at("status"));
      }
    }
    for (ExitState e : cadence.exits().values()) {
      if (e.status().isPresent()) {
        status(e.status().get(), e.where().at("status"));
      }
    }
    if (graph.start().isPresent() && graph.start().get().isJoin()) {
      Step first = graph.start().get();
      findings.error(
          Code.BAD_JOIN,
          first.where().at("after"),
          "the first step `"
              + first.id()
              + "` cannot wait on `after`: it is where every enrollment starts");
    }
    days();
  }

  private void duplicateSteps() {
    Map<String, Pos> seen = new HashMap<>();
    for (Step step : cadence.steps()) {
      Pos earlier = seen.putIfAbsent(step.id(), step.where().at("id"));
      if (earlier != null) {
        findings.error(
            Code.DUPLICATE_STEP,
            step.where().at("id"),
            "step id `"
                + step.id()
                + "` is already used at line "
                + earlier.line()
                + "; step ids must be unique");
      }
    }
  }

  private void exitOn() {
    for (String event : cadence.exitOn()) {
      Pos at =
          cadence.where().keys().getOrDefault("exit_on." + event, cadence.where().at("exit_on"));
      if (!Outcomes.isKnown(event)) {
        findings.error(
            Code.UNKNOWN_OUTCOME,
            at,
            "exit_on names unknown event `" + event + "`" + DidYouMean.hint(event, Outcomes.all()));
      }
    }
  }

  private void outcome(Step step, String outcome) {
    Pos at = step.where().at("on." + outcome);
    if (!Outcomes.isKnown(outcome)) {
      findings.error(
          Code.UNKNOWN_OUTCOME,
          at,
          "step `"
              + step.id()
              + "` has unknown outcome `"
              + outcome
              + "`"
              + DidYouMean.hint(outcome, Outcomes.all()));
      return;
    }
    if (!stepsWithoutChannel.contains(step.id()) && !step.channel().canProduce(outcome)) {
      findings.error(
          Code.IMPOSSIBLE_OUTCOME,
          at,
          "a "
              + step.channel().yamlName()
              + " step cannot produce `"
              + outcome
              + "`; "
              + step.channel().yamlName()
              + " outcomes are: "
              + String.join(", ", producible(step.channel())));
      return;
    }
    if (cadence.exitOn().contains(outcome)) {
      findings.warning(
          Code.SHADOWED_OUTCOME,
          at,
          "`"
              + outcome
              + "` is in exit_on, which ends the enrollment first; this transition never applies: remove it or take `"
              + outcome
              + "` out of exit_on");
    }
  }

  private static List<String> producible(Channel channel) {
    Set<String> all = new TreeSet<>(channel.responses());
    all.addAll(Outcomes.GENERAL);
    return List.copyOf(all);
  }

  private void target(Step from, Transition target) {
    if (target instanceof Transition.GoTo g) {
      stepRef(g.step(), "transition of step `" + from.id() + "`", true);
    } else if (target instanceof Transition.Fork f) {
      for (StepRef ref : f.steps()) {
        stepRef(ref, "fork of step `" + from.id() + "`", true);
      }
    } else if (target instanceof Transition.Exit e && !cadence.exits().containsKey(e.exit())) {
      Optional<String> best = DidYouMean.closest(e.exit(), cadence.exits().keySet());
      findings.error(
          Code.UNKNOWN_EXIT,
          e.pos(),
          "exit `"
              + e.exit()
              + "` is not declared"
              + (best.isPresent()
                  ? "; did you mean `" + best.get() + "`?"
                  : "; declare it under `exits:`"));
    } else if (target instanceof Transition.Handoff h && h.cadence().equals(cadence.id())) {
      findings.warning(
          Code.SELF_HANDOFF,
          h.pos(),
          "step `"
              + from.id()
              + "` hands off to its own cadence `"
              + h.cadence()
              + "`; to repeat steps, point to a step id instead");
    }
  }

  private void stepRef(StepRef ref, String what, boolean isTransition) {
    Optional<Step> step = graph.step(ref.id());
    if (step.isEmpty()) {
      findings.error(
          Code.UNKNOWN_STEP,
          ref.pos(),
          what + " names unknown step `" + ref.id() + "`" + DidYouMean.hint(ref.id(), stepIds));
    } else if (isTransition && step.get().isJoin()) {
      findings.error(
          Code.BAD_JOIN,
          ref.pos(),
          what
              + " leads into `"
              + ref.id()
              + "`, which waits on `after` and starts by itself when those complete; remove this transition");
    }
  }

  private void after(Step step) {
    for (StepRef ref : step.after()) {
      if (ref.id().equals(step.id())) {
        findings.error(Code.BAD_JOIN, ref.pos(), "step `" + step.id() + "` cannot wait on itself");
      } else {
        stepRef(ref, "`after` of step `" + step.id() + "`", false);
      }
    }
  }

  private void content(Step step) {
    if (stepsWithoutChannel.contains(step.id())) {
      return;
    }
    Channel channel = step.channel();
    boolean written = channel == Channel.EMAIL || channel == Channel.SOCIAL;
    // With variants but no template, the variants check below says it more precisely.
    if (channel == Channel.EMAIL && step.template().isEmpty() && step.variants().isEmpty()) {
      findings.error(
          Code.MISSING_FIELD,
          step.where().self(),
          "email step `"
              + step.id()
              + "` has no `template`; add e.g. `template: "
              + step.id()
              + "` (templates/"
              + step.id()
              + ".md)");
    }
    if (!written && step.template().isPresent()) {
      findings.warning(
          Code.MISPLACED_KEY,
          step.where().at("template"),
          "a "
              + channel.yamlName()
              + " step sends no message, so `template` is unused"
              + (channel == Channel.CALL ? "; did you mean `script`?" : "; remove it"));
    }
    if (channel != Channel.CALL && step.script().isPresent()) {
      findings.warning(
          Code.MISPLACED_KEY,
          step.where().at("script"),
          "`script` is for call steps; a "
              + channel.yamlName()
              + " step"
              + (written ? " uses `template`" : " does not use it"));
    }
    if (!written && !step.variants().isEmpty()) {
      findings.warning(
          Code.MISPLACED_KEY,
          step.where().at("variants"),
          "a " + channel.yamlName() + " step sends no message, so `variants` is unused; remove it");
    }
    if (!step.variants().isEmpty() && step.template().isEmpty() && written) {
      findings.error(
          Code.MISSING_FIELD,
          step.where().at("variants"),
          "step `"
              + step.id()
              + "` has `variants` but no default `template` for the other regions; add `template:`");
    }
    if (step.template().isPresent() && written && !library.hasTemplate(step.template().get())) {
      String t = step.template().get();
      findings.error(
          Code.UNKNOWN_TEMPLATE,
          step.where().at("template"),
          "template `" + t + "` not found; " + howToAdd("templates", t));
    }
    for (Map.Entry<String, String> variant : step.variants().entrySet()) {
      String region = variant.getKey();
      String t = variant.getValue();
      if (written && !library.hasTemplate(t)) {
        findings.error(
            Code.UNKNOWN_TEMPLATE,
            step.where().at("variants." + region),
            "template `"
                + t
                + "` (variant for "
                + region
                + ") not found; "
                + howToAdd("templates", t));
      }
    }
    if (step.script().isPresent()
        && channel == Channel.CALL
        && !library.hasScript(step.script().get())) {
      String sc = step.script().get();
      findings.error(
          Code.UNKNOWN_SCRIPT,
          step.where().at("script"),
          "call script `" + sc + "` not found; " + howToAdd("scripts", sc));
    }
  }

  /**
   * A name is looked up as FOLDER/NAME.md: a name written as a path or with .md needs trimming, not
   * a new file.
   */
  private static String howToAdd(String folder, String name) {
    String bare = name.replaceFirst("^.*[/\\\\]", "").replaceFirst("\\.md$", "");
    if (!bare.isEmpty() && !bare.equals(name)) {
      return "write the bare name `"
          + bare
          + "`: it is looked up as "
          + folder
          + "/"
          + bare
          + ".md beside the cadence";
    }
    return "create " + folder + "/" + name + ".md beside the cadence";
  }

  private void status(String status, Pos pos) {
    if (!cadence.statuses().isEmpty() && !cadence.statuses().contains(status)) {
      findings.error(
          Code.UNKNOWN_STATUS,
          pos,
          "status `"
              + status
              + "` is not in `statuses`"
              + DidYouMean.hint(status, cadence.statuses()));
    }
  }

  private void days() {
    int latest = 0;
    String latestStep = null;
    for (Step step : cadence.steps()) {
      if (step.timing() instanceof Timing.OnDay d) {
        if (d.day() < latest) {
          findings.error(
              Code.DAY_BACKWARDS,
              step.where().at("day"),
              "step `"
                  + step.id()
                  + "` is on day "
                  + d.day()
                  + ", before step `"
                  + latestStep
                  + "` on day "
                  + latest
                  + "; order the steps by day or use `wait:` for a delay");
        } else {
          latest = d.day();
          latestStep = step.id();
        }
      }
    }
  }
}
