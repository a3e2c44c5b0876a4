package dev.cadence.io;

import dev.cadence.io.template.TemplateFolder;
import dev.cadence.model.Cadence;
import dev.cadence.model.Channel;
import dev.cadence.model.Step;
import dev.cadence.model.Transition;
import dev.cadence.validate.BoundCadence;
import dev.cadence.validate.Code;
import dev.cadence.validate.FileResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What cadence files depend on among the files validated with them: only these may stop a cadence
 * from running. A broken file beside it that it does not use (a draft) never does.
 */
final class CadenceDependencies {
  private CadenceDependencies() {}

  /**
   * The files beyond the given ones whose errors stop them: the cadences they hand off to (found by
   * id among the siblings, and the ones those hand off to), the templates of all of these, and
   * siblings claiming a given id (a handoff to it would be ambiguous). When a handoff target is
   * found nowhere, the siblings whose id could not be read are added: the target may be one of
   * them, and their errors say why it was not found.
   */
  static Set<String> of(
      List<String> given,
      List<CadenceWorkspace.Loaded> loaded,
      Map<String, FileResult> results,
      Map<String, CadenceWorkspace.Loaded> byLabel) {
    Map<String, CadenceWorkspace.Loaded> byId = new LinkedHashMap<>();
    // The first file claiming an id has it, as in validate's duplicate check.
    for (CadenceWorkspace.Loaded l : loaded) {
      if (l.cadence().isPresent() && !l.cadence().get().cadence().id().isEmpty()) {
        byId.putIfAbsent(l.cadence().get().cadence().id(), l);
      }
    }
    Set<String> needed = new LinkedHashSet<>(given);
    Set<String> givenIds = new HashSet<>();
    List<CadenceWorkspace.Loaded> todo = new ArrayList<>();
    for (String label : given) {
      CadenceWorkspace.Loaded l = byLabel.get(label);
      if (l != null && l.cadence().isPresent()) {
        givenIds.add(l.cadence().get().cadence().id());
        todo.add(l);
      }
    }
    boolean unresolved = false;
    for (int i = 0; i < todo.size(); i++) {
      CadenceWorkspace.Loaded l = todo.get(i);
      for (String id : handoffTargets(l.cadence().get().cadence())) {
        CadenceWorkspace.Loaded target = byId.get(id);
        if (target == null) {
          unresolved = true;
        } else if (needed.add(target.file())) {
          todo.add(target);
        }
      }
    }
    for (CadenceWorkspace.Loaded l : todo) {
      for (Path t : templatesOf(Path.of(l.file()), l.cadence()).keySet()) {
        needed.add(t.toString());
      }
    }
    for (CadenceWorkspace.Loaded l : loaded) {
      boolean unreadable = l.cadence().isEmpty() || l.cadence().get().cadence().id().isEmpty();
      boolean claimsGivenId =
          !unreadable
              && givenIds.contains(l.cadence().get().cadence().id())
              && CadenceWorkspace.hasCode(results.get(l.file()), Code.DUPLICATE_CADENCE);
      if (claimsGivenId || (unresolved && unreadable)) {
        needed.add(l.file());
      }
    }
    return needed;
  }

  private static Set<String> handoffTargets(Cadence cadence) {
    Set<String> targets = new LinkedHashSet<>();
    for (Step s : cadence.steps()) {
      List<Transition> all = new ArrayList<>(s.on().values());
      s.next().ifPresent(all::add);
      for (Transition t : all) {
        if (t instanceof Transition.Handoff h) {
          targets.add(h.cadence());
        }
      }
    }
    return targets;
  }

  /** The existing templates that one cadence file's steps use, with whether an email uses them. */
  static Map<Path, Boolean> templatesOf(Path file, Optional<BoundCadence> bound) {
    Map<Path, Boolean> templates = new LinkedHashMap<>();
    Path dir = file.getParent() == null ? Path.of("") : file.getParent();
    TemplateFolder folder = new TemplateFolder(dir);
    for (Step step : bound.isPresent() ? bound.get().cadence().steps() : List.<Step>of()) {
      boolean email = step.channel() == Channel.EMAIL;
      if (!email && step.channel() != Channel.SOCIAL) {
        continue;
      }
      List<String> names = new ArrayList<>();
      if (step.template().isPresent()) {
        names.add(step.template().get());
      }
      names.addAll(step.variants().values());
      for (String t : names) {
        if (folder.hasTemplate(t)) {
          Path path = folder.templatePath(t);
          templates.put(path, email || Boolean.TRUE.equals(templates.get(path)));
        }
      }
    }
    return templates;
  }
}
