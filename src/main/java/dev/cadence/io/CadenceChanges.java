package dev.cadence.io;

import dev.cadence.analytics.recommend.Recommendation;
import dev.cadence.io.template.TemplateFolder;
import dev.cadence.io.yaml.CadenceEditor;
import dev.cadence.io.yaml.SafeYamlReader;
import dev.cadence.io.yaml.YNode;
import dev.cadence.model.Cadence;
import dev.cadence.model.Durations;
import dev.cadence.model.Step;
import dev.cadence.model.Timing;
import dev.cadence.validate.Diagnostic;
import dev.cadence.validate.FileResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns recommendations into changes of the cadence files given with {@code --cadence}: where each
 * one applies (file and line), and the edited texts. A change is kept only if every given file
 * still validates with it (checked beside the files' siblings, templates and scripts, before
 * anything is written); otherwise it is refused with the validator's reason.
 */
public final class CadenceChanges {
  /** A line of a cadence file as it is on disk now. */
  public record Location(Path file, int line) {
    @Override
    public String toString() {
      return file + ":" + line;
    }
  }

  /** What became of one recommendation. */
  public sealed interface Outcome {
    Recommendation recommendation();
  }

  /** The change was made (in the edited text); {@code summary} says what it was. */
  public record Change(Recommendation recommendation, Location at, String summary)
      implements Outcome {}

  /** The change could not be made; {@code reason} says why and what to do. */
  public record Refusal(Recommendation recommendation, Optional<Location> at, String reason)
      implements Outcome {}

  /**
   * The file already does what is recommended (the log is older than the file, e.g. right after
   * --apply): nothing to change, and applying twice changes nothing more.
   */
  public record AlreadyDone(Recommendation recommendation, Location at, String note)
      implements Outcome {}

  /** One file's text before and after the accepted changes. */
  public record FileEdit(Path file, String before, String after) {
    public boolean changed() {
      return !before.equals(after);
    }
  }

  /** Every recommendation's location, the outcome of the changeable ones, and the edited files. */
  public record Plan(
      Map<Recommendation, Location> locations, List<Outcome> outcomes, List<FileEdit> files) {
    public Plan {
      locations = Collections.unmodifiableMap(new LinkedHashMap<>(locations));
      outcomes = List.copyOf(outcomes);
      files = List.copyOf(files);
    }

    public List<FileEdit> changedFiles() {
      return files.stream().filter(FileEdit::changed).toList();
    }
  }

  private record Source(Path file, String text, Cadence cadence) {}

  private final List<Path> files;
  private final Map<String, Source> byCadence = new LinkedHashMap<>();
  private final Map<Path, String> original = new LinkedHashMap<>();
  private final Map<Path, String> current = new LinkedHashMap<>();

  private CadenceChanges(List<Path> files, List<Cadence> cadences) throws IOException {
    this.files = List.copyOf(files);
    for (Path file : files) {
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      original.putIfAbsent(file, text);
      current.putIfAbsent(file, text);
      Optional<String> id = cadenceId(text);
      Optional<Cadence> cadence =
          cadences.stream().filter(c -> id.isPresent() && c.id().equals(id.get())).findFirst();
      if (id.isPresent() && cadence.isPresent()) {
        byCadence.putIfAbsent(id.get(), new Source(file, text, cadence.get()));
      }
    }
  }

  /**
   * Plans the changes for {@code recommendations} in {@code files}, which must validate as they are
   * ({@code cadences} being their bound models, from {@link CadenceWorkspace#prepare}).
   */
  public static Plan plan(
      List<Recommendation> recommendations, List<Path> files, List<Cadence> cadences)
      throws IOException {
    return new CadenceChanges(files, cadences).plan(recommendations);
  }

  private Plan plan(List<Recommendation> recommendations) {
    Map<Recommendation, Location> locations = new LinkedHashMap<>();
    List<Outcome> outcomes = new ArrayList<>();
    Map<String, Cadence> models = new LinkedHashMap<>();
    byCadence.forEach((id, s) -> models.put(id, s.cadence()));
    for (Recommendation r : recommendations) {
      Source source = byCadence.get(r.cadence());
      Optional<Location> at = source == null ? Optional.empty() : locate(r, source);
      at.ifPresent(l -> locations.put(r, l));
      if (!changeable(r) || source == null) {
        continue; // advice for people, or a cadence whose file was not given: nothing to change
      }
      CadenceEditor editor = new CadenceEditor(current.get(source.file()));
      Cadence model = models.get(r.cadence());
      Optional<String> done = alreadyDone(r, model);
      if (done.isPresent()) {
        outcomes.add(new AlreadyDone(r, at.orElse(new Location(source.file(), 0)), done.get()));
        continue;
      }
      String summary;
      try {
        summary = edit(r, editor, model, source.file());
      } catch (CadenceEditor.Refused e) {
        outcomes.add(new Refusal(r, at, e.getMessage()));
        continue;
      }
      Map<Path, byte[]> candidate = new LinkedHashMap<>();
      current.forEach(
          (f, text) ->
              candidate.put(f.toAbsolutePath().normalize(), text.getBytes(StandardCharsets.UTF_8)));
      candidate.put(
          source.file().toAbsolutePath().normalize(),
          editor.text().getBytes(StandardCharsets.UTF_8));
      CadenceWorkspace.Prepared checked = CadenceWorkspace.prepare(files, candidate);
      Optional<String> error = firstError(checked);
      if (error.isPresent()) {
        outcomes.add(new Refusal(r, at, "the changed cadence would not validate: " + error.get()));
        continue;
      }
      current.put(source.file(), editor.text());
      checked.cadences().stream()
          .filter(c -> c.id().equals(r.cadence()))
          .findFirst()
          .ifPresent(c -> models.put(c.id(), c));
      outcomes.add(new Change(r, at.orElse(new Location(source.file(), 0)), summary));
    }
    List<FileEdit> edits = new ArrayList<>();
    Set<Path> seen = new LinkedHashSet<>();
    for (Path f : files) {
      if (seen.add(f)) {
        edits.add(new FileEdit(f, original.get(f), current.get(f)));
      }
    }
    return new Plan(locations, outcomes, edits);
  }

  /**
   * Kinds that change a cadence file; the others (drop a step, collect more data) are for people.
   */
  public static boolean changeable(Recommendation r) {
    return r instanceof Recommendation.SwapChannel
        || r instanceof Recommendation.BestGap
        || r instanceof Recommendation.BestTemplate;
  }

  /** The line a person would change, in the file as it is now. */
  private static Optional<Location> locate(Recommendation r, Source source) {
    CadenceEditor editor = new CadenceEditor(source.text());
    try {
      Optional<Integer> line = Optional.empty();
      if (r instanceof Recommendation.SwapChannel) {
        line = editor.keyLine(r.step(), "channel");
      } else if (r instanceof Recommendation.BestGap) {
        line = editor.keyLine(r.step(), "day").or(() -> keyLine(editor, r.step(), "wait"));
      } else if (r instanceof Recommendation.BestTemplate t) {
        line =
            editor
                .variantLine(r.step(), t.region())
                .or(() -> keyLine(editor, r.step(), "variants"))
                .or(() -> keyLine(editor, r.step(), "template"));
      }
      return Optional.of(
          new Location(source.file(), line.isPresent() ? line.get() : editor.stepLine(r.step())));
    } catch (CadenceEditor.Refused e) {
      return Optional.empty(); // a step that is not in the file (renamed since the log was written)
    }
  }

  private static Optional<Integer> keyLine(CadenceEditor editor, String step, String key) {
    try {
      return editor.keyLine(step, key);
    } catch (CadenceEditor.Refused e) {
      return Optional.empty();
    }
  }

  /** Makes the change in {@code editor}; returns what it was, in the file's own terms. */
  private static String edit(Recommendation r, CadenceEditor editor, Cadence model, Path file)
      throws CadenceEditor.Refused {
    Step step =
        model
            .step(r.step())
            .orElseThrow(
                () ->
                    new CadenceEditor.Refused(
                        "no step `"
                            + r.step()
                            + "` in cadence `"
                            + r.cadence()
                            + "` (renamed since the log was written?)"));
    if (r instanceof Recommendation.SwapChannel s) {
      return ChannelSwap.apply(
          editor, model, step, s.evidence().to(), new TemplateFolder(dir(file)));
    }
    if (r instanceof Recommendation.BestGap g) {
      return retime(editor, model, step, g.toDays() - g.fromDays(), g.toDays());
    }
    Recommendation.BestTemplate t = (Recommendation.BestTemplate) r;
    String was = step.templateFor(t.region()).orElse("(none)");
    editor.setVariant(step.id(), t.region(), t.evidence().to());
    return "variants: " + t.region() + ": " + was + " -> " + t.evidence().to();
  }

  /** Why the file already does what {@code r} recommends, if it does. */
  private static Optional<String> alreadyDone(Recommendation r, Cadence model) {
    Optional<Step> step = model.step(r.step());
    if (step.isEmpty()) {
      return Optional.empty();
    }
    if (r instanceof Recommendation.SwapChannel s
        && step.get().channel().yamlName().equals(s.evidence().to())) {
      return Optional.of("step `" + r.step() + "` is already a " + s.evidence().to() + " step");
    }
    if (r instanceof Recommendation.BestTemplate t
        && step.get().templateFor(t.region()).orElse("").equals(t.evidence().to())) {
      return Optional.of(
          "step `" + r.step() + "` already sends " + t.evidence().to() + " to " + t.region());
    }
    if (r instanceof Recommendation.BestGap g) {
      Optional<Integer> gap = nominalGap(model, step.get());
      if (gap.isPresent() && gap.get() == g.toDays()) {
        return Optional.of(
            "step `" + r.step() + "` already comes " + g.toDays() + " days after the previous one");
      }
    }
    return Optional.empty();
  }

  /**
   * The gap the file asks for before {@code step}, in days: its wait in whole days, or its day
   * number minus the previous step's (when both are day numbers); empty when the file does not say.
   */
  private static Optional<Integer> nominalGap(Cadence model, Step step) {
    if (step.timing() instanceof Timing.Wait w) {
      return w.delay().toHoursPart() == 0 && w.delay().toMinutesPart() == 0
          ? Optional.of((int) w.delay().toDays())
          : Optional.empty();
    }
    if (step.timing() instanceof Timing.OnDay d) {
      return previousDay(model, step).map(p -> d.day() - p);
    }
    return Optional.empty();
  }

  private static Optional<Integer> previousDay(Cadence model, Step step) {
    List<Step> steps = model.steps();
    int i = steps.indexOf(step);
    return i > 0 && steps.get(i - 1).timing() instanceof Timing.OnDay p
        ? Optional.of(p.day())
        : Optional.empty();
  }

  /**
   * Moves the step so that it comes {@code bestGap} days after the previous touch: from the
   * previous step's day when the file numbers both, else by the difference between the best and
   * usual gaps.
   */
  private static String retime(
      CadenceEditor editor, Cadence model, Step step, int delta, int bestGap)
      throws CadenceEditor.Refused {
    if (step.timing() instanceof Timing.OnDay d) {
      int day = previousDay(model, step).map(p -> p + bestGap).orElse(d.day() + delta);
      if (day < 1) {
        throw new CadenceEditor.Refused(
            "step `" + step.id() + "` would move to day " + day + "; days start at 1");
      }
      editor.setNumber(step.id(), "day", day);
      return "day: " + d.day() + " -> " + day;
    }
    if (step.timing() instanceof Timing.Wait w) {
      Duration wait =
          nominalGap(model, step).isPresent()
              ? Duration.ofDays(bestGap)
              : w.delay().plusDays(delta);
      if (wait.isNegative()) {
        throw new CadenceEditor.Refused(
            "step `"
                + step.id()
                + "` would wait "
                + wait.toDays()
                + " days; change its timing by hand");
      }
      editor.set(step.id(), "wait", Durations.format(wait));
      return "wait: " + Durations.format(w.delay()) + " -> " + Durations.format(wait);
    }
    editor.set(step.id(), "wait", bestGap + "d", "id");
    return "wait: " + bestGap + "d (added)";
  }

  private static Path dir(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of("") : parent;
  }

  private static Optional<String> firstError(CadenceWorkspace.Prepared checked) {
    for (FileResult f : checked.result().files()) {
      for (Diagnostic d : f.diagnostics()) {
        if (d.isError()) {
          return Optional.of(
              d.file()
                  + ":"
                  + d.line()
                  + ":"
                  + d.column()
                  + ": error["
                  + d.code().id()
                  + "]: "
                  + d.message());
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> cadenceId(String text) {
    return new SafeYamlReader()
        .read(text.getBytes(StandardCharsets.UTF_8))
        .root()
        .flatMap(root -> root instanceof YNode.YMap map ? map.entry("cadence") : Optional.empty())
        .flatMap(
            e -> e.value() instanceof YNode.YScalar s ? Optional.of(s.text()) : Optional.empty());
  }
}
