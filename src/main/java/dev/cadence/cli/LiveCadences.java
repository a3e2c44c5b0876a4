package dev.cadence.cli;

import dev.cadence.engine.Engine;
import dev.cadence.io.CadenceWorkspace;
import dev.cadence.live.CadenceRef;
import dev.cadence.live.LiveCadence;
import dev.cadence.live.StateStore;
import dev.cadence.model.Cadence;
import dev.cadence.model.Step;
import dev.cadence.model.Transition;
import dev.cadence.report.Count;
import dev.cadence.validate.FileResult;
import dev.cadence.validate.Severity;
import dev.cadence.validate.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The cadences of the store, reloaded from their files as they are now. A file that is gone, no
 * longer validates or now declares another id is refused with the reason: its enrollments wait
 * (nothing is sent from a cadence that does not validate) while the others run.
 */
final class LiveCadences {
  /** The loaded cadences by id, and the refused ones with why. */
  record Loaded(Map<String, LiveCadence> cadences, Map<String, String> refused) {}

  private LiveCadences() {}

  static Loaded load(StateStore store) {
    List<CadenceRef> refs = store.read(StateStore.Tx::cadences);
    Map<String, LiveCadence> cadences = new LinkedHashMap<>();
    Map<String, String> refused = new LinkedHashMap<>();
    for (CadenceRef ref : refs) {
      Path file = Path.of(ref.path());
      if (!Files.isRegularFile(file)) {
        refused.put(
            ref.id(), "its file " + file + " is gone; put it back (enroll recorded that path)");
        continue;
      }
      CadenceWorkspace.Prepared prepared = CadenceWorkspace.prepare(List.of(file));
      if (!prepared.result().valid() || prepared.cadences().isEmpty()) {
        long errors = prepared.result().count(Severity.ERROR);
        String counted = Count.of(errors, "error");
        refused.put(
            ref.id(),
            prepared
                .brokenDependencies()
                .map(
                    broken ->
                        file
                            + " cannot run: "
                            + broken
                            + " ("
                            + counted
                            + "; see `"
                            + prepared.validateCommand()
                            + "`); its enrollments wait")
                .orElse(
                    file
                        + " no longer validates ("
                        + counted
                        + "; see `cadence validate "
                        + file
                        + "`); its enrollments wait"));
        continue;
      }
      Cadence cadence = prepared.cadences().get(0);
      if (!cadence.id().equals(ref.id())) {
        refused.put(
            ref.id(),
            file
                + " now declares cadence `"
                + cadence.id()
                + "`, not `"
                + ref.id()
                + "`; its enrollments wait");
        continue;
      }
      cadences.put(
          ref.id(), new LiveCadence(new Engine(cadence), file.toAbsolutePath(), hash(file)));
    }
    addHandoffTargets(cadences);
    return new Loaded(cadences, refused);
  }

  /**
   * The cadences a loaded one hands leads over to, from the files beside it (as validate resolves
   * them), so that a handoff enrolls the lead there instead of leaving it nowhere. A target that
   * cannot be found is reported by the handoff itself.
   */
  private static void addHandoffTargets(Map<String, LiveCadence> cadences) {
    Map<Path, CadenceWorkspace.Prepared> folders = new HashMap<>();
    boolean added = true;
    while (added) { // a target may hand over in turn
      added = false;
      for (LiveCadence c : List.copyOf(cadences.values())) {
        for (String target : handoffTargets(c.engine().cadence())) {
          if (cadences.containsKey(target)) {
            continue;
          }
          CadenceWorkspace.Prepared folder =
              folders.computeIfAbsent(c.dir(), LiveCadences::prepareFolder);
          for (FileResult r : folder.result().files()) {
            boolean valid = r.diagnostics().stream().noneMatch(d -> d.isError());
            Optional<Cadence> candidate =
                folder.cadences().stream().filter(x -> x.id().equals(target)).findFirst();
            if (r.cadence().filter(target::equals).isPresent() && valid && candidate.isPresent()) {
              Path file = Path.of(r.path());
              cadences.put(
                  target,
                  new LiveCadence(new Engine(candidate.get()), file.toAbsolutePath(), hash(file)));
              added = true;
              break;
            }
          }
        }
      }
    }
  }

  /** Every cadence file of a folder, validated together once. */
  private static CadenceWorkspace.Prepared prepareFolder(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> all =
          files
              .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
              .sorted()
              .toList();
      return CadenceWorkspace.prepare(all);
    } catch (IOException e) {
      return new CadenceWorkspace.Prepared(List.of(), new ValidationResult(List.of(), false));
    }
  }

  private static Set<String> handoffTargets(Cadence cadence) {
    Set<String> targets = new TreeSet<>();
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

  /** The SHA-256 of the file's bytes: due times in the store are recomputed when it changes. */
  static String hash(Path file) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
      return HexFormat.of().formatHex(digest);
    } catch (IOException e) {
      throw new CadenceException(
          ExitCodes.RUNTIME, "cannot read " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
