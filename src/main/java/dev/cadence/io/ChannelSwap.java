package dev.cadence.io;

import dev.cadence.io.template.TemplateFolder;
import dev.cadence.io.yaml.CadenceEditor;
import dev.cadence.model.Cadence;
import dev.cadence.model.Channel;
import dev.cadence.model.Step;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Changes a step's channel, and with it what the new channel needs: a call gets a script (an
 * existing one, named after the step or its template, else the nearest call step's: recommend never
 * writes a script for the rep), an email a template named after it; the keys the old channel used
 * and the new one does not are removed.
 */
final class ChannelSwap {
  private ChannelSwap() {}

  static String apply(
      CadenceEditor editor, Cadence cadence, Step step, String to, TemplateFolder folder)
      throws CadenceEditor.Refused {
    String id = step.id();
    String from = step.channel().yamlName();
    List<String> notes = new ArrayList<>();
    switch (to) {
      case "call" -> {
        Optional<String> named =
            step.script()
                .filter(folder::hasScript)
                .or(() -> first(scriptNames(step), folder::hasScript));
        Optional<Step> neighbour =
            named.isPresent() ? Optional.empty() : nearestCall(cadence, step, folder);
        String script =
            named
                .or(() -> neighbour.flatMap(Step::script))
                .orElseThrow(
                    () ->
                        new CadenceEditor.Refused(
                            "a call needs a script and none fits step `"
                                + id
                                + "`: create scripts/"
                                + scriptNames(step).get(0)
                                + ".md beside the cadence (the rep's talking points), then run again"));
        editor.set(id, "channel", "call");
        removed(editor, id, "variants", notes);
        removed(editor, id, "template", notes);
        if (step.script().isEmpty()) {
          editor.set(id, "script", script, "channel");
          notes.add(
              "script: "
                  + script
                  + " added"
                  + neighbour.map(n -> ", as step " + n.id() + " uses").orElse(""));
        }
      }
      case "email" -> {
        String template =
            step.template()
                .filter(folder::hasTemplate)
                .or(() -> first(templateNames(step), folder::hasTemplate))
                .orElseThrow(
                    () ->
                        new CadenceEditor.Refused(
                            "an email needs a template and none fits step `"
                                + id
                                + "`: create templates/"
                                + templateNames(step).get(0)
                                + ".md beside the cadence (with a `subject:`), then run again"));
        editor.set(id, "channel", "email");
        removed(editor, id, "script", notes);
        removed(editor, id, "reminder", notes);
        if (step.template().isEmpty()) {
          editor.set(id, "template", template, "channel");
          notes.add("template: " + template + " added");
        }
      }
      case "social" -> {
        editor.set(id, "channel", "social");
        removed(editor, id, "script", notes);
        removed(editor, id, "reminder", notes);
      }
      default ->
          throw new CadenceEditor.Refused(
              "recommend does not change a step to a " + to + " step; change it by hand");
    }
    return "channel: "
        + from
        + " -> "
        + to
        + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
  }

  private static void removed(CadenceEditor editor, String id, String key, List<String> notes)
      throws CadenceEditor.Refused {
    if (editor.remove(id, key) > 0) {
      notes.add(key + " removed");
    }
  }

  /**
   * The call step nearest to {@code step} in the file (before it first) whose script exists: a
   * rep's talking points are reusable where an email's text, seen by the lead, is not (so a swap to
   * email never borrows a neighbour's template).
   */
  private static Optional<Step> nearestCall(Cadence cadence, Step step, TemplateFolder folder) {
    List<Step> steps = cadence.steps();
    int at = steps.indexOf(step);
    for (int d = 1; d < steps.size(); d++) {
      for (int i : new int[] {at - d, at + d}) {
        if (i >= 0
            && i < steps.size()
            && steps.get(i).channel() == Channel.CALL
            && steps.get(i).script().filter(folder::hasScript).isPresent()) {
          return Optional.of(steps.get(i));
        }
      }
    }
    return Optional.empty();
  }

  /** Call scripts that could stand for this step, most likely first. */
  static List<String> scriptNames(Step step) {
    Set<String> names = new LinkedHashSet<>();
    String id = step.id();
    step.template()
        .ifPresent(
            t -> {
              names.add(t + "-call");
              names.add(t.replace("-email", "-call"));
              names.add(t);
            });
    names.add(id.replace("-email", "-call"));
    names.add(id + "-call");
    names.add(id);
    return List.copyOf(names);
  }

  /** Templates that could stand for this step, most likely first. */
  static List<String> templateNames(Step step) {
    Set<String> names = new LinkedHashSet<>();
    String id = step.id();
    step.script()
        .ifPresent(
            s -> {
              names.add(s.replace("-call", "-email"));
              names.add(s.replaceFirst("-call$", ""));
              names.add(s);
            });
    names.add(id.replace("-call", "-email"));
    names.add(id + "-email");
    names.add(id);
    return List.copyOf(names);
  }

  private static Optional<String> first(List<String> names, Predicate<String> exists) {
    return names.stream().filter(n -> !n.isEmpty()).filter(exists).findFirst();
  }
}
