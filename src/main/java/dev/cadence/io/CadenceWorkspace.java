package dev.cadence.io;

import dev.cadence.io.template.TemplateChecks;
import dev.cadence.io.template.TemplateFolder;
import dev.cadence.io.yaml.CadenceBinder;
import dev.cadence.io.yaml.SafeYamlReader;
import dev.cadence.io.yaml.YamlDocument;
import dev.cadence.model.Cadence;
import dev.cadence.model.Pos;
import dev.cadence.validate.BoundCadence;
import dev.cadence.validate.CadenceValidator;
import dev.cadence.validate.Code;
import dev.cadence.validate.Diagnostic;
import dev.cadence.validate.FileResult;
import dev.cadence.validate.Findings;
import dev.cadence.validate.ProjectChecks;
import dev.cadence.validate.Severity;
import dev.cadence.validate.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Validates cadence files on disk: reads, binds and checks each, then checks them together.
 *
 * <p>The validate path is written with loops rather than lambdas and streams: a CI loop starts it
 * once per file, and each lambda is linked at run time on first use (docs/benchmarks.md, validate).
 */
public final class CadenceWorkspace {
  /** The result, and the paths given that name nothing (reported apart: a usage error). */
  public record Outcome(ValidationResult result, List<String> missingPaths) {}

  /** One file as read: its label (the path as spelled), findings, and the cadence if it bound. */
  record Loaded(String file, Findings findings, Optional<BoundCadence> cadence) {}

  private CadenceWorkspace() {}

  public static Outcome validate(List<Path> paths, boolean strict) {
    return validate(paths, strict, System.in);
  }

  /**
   * As {@link #validate(List, boolean)}, where the path {@code -} is a cadence read from {@code
   * stdin} (once, however often it is given), labelled {@code -}, its templates in the current
   * folder's {@code templates/}.
   */
  public static Outcome validate(List<Path> paths, boolean strict, InputStream stdin) {
    List<String> missing = new ArrayList<>();
    List<Path> unreadable = new ArrayList<>();
    Map<Path, Path> files =
        new LinkedHashMap<>(); // by absolute path: one file given twice is checked once
    Map<Path, byte[]> piped = Map.of();
    for (Path p : paths) {
      if (p.toString().equals("-")) { // a string test: no class to load on the common path
        if (piped.isEmpty()) {
          piped = Map.of(p.toAbsolutePath().normalize(), readStdin(stdin));
        }
        files.putIfAbsent(p.toAbsolutePath().normalize(), p);
      } else if (PathAccess.denied(p).isPresent()) {
        unreadable.add(p); // not missing: a folder on its path may not be entered
      } else if (!Files.exists(p)) {
        missing.add(p.toString());
      } else if (Files.isDirectory(p)) {
        for (Path f : cadenceFilesUnder(p, unreadable)) {
          files.putIfAbsent(f.toAbsolutePath().normalize(), f);
        }
      } else {
        files.putIfAbsent(p.toAbsolutePath().normalize(), p);
      }
    }
    List<FileResult> results =
        new ArrayList<>(check(new LinkedHashSet<>(files.values()), piped).results().values());
    for (Path p : unreadable) {
      Findings f = new Findings(p.toString());
      f.error(Code.IO_ERROR, Pos.NONE, "cannot read this folder or file; check its permissions");
      results.add(new FileResult(p.toString(), Optional.empty(), f.list()));
    }
    return new Outcome(new ValidationResult(results, strict), missing);
  }

  /**
   * Cadences ready to run ({@code plan}, {@code simulate}): the given files, validated together
   * with the cadence files beside them so that handoffs resolve. Only what the given cadences
   * depend on counts: their own findings, their templates, the cadences they hand off to (and
   * theirs), and a sibling that claims one of their ids. A broken sibling that nothing uses (a
   * draft beside them) does not stop them.
   *
   * @param given the given files' paths as spelled, the others in {@code result} being what they
   *     depend on
   * @param related the cadence files beside them that they depend on (handoff targets, a sibling
   *     claiming one of their ids), with or without errors
   */
  public record Prepared(
      List<Cadence> cadences, ValidationResult result, List<String> given, List<String> related) {
    public Prepared {
      cadences = List.copyOf(cadences);
      given = List.copyOf(given);
      related = List.copyOf(related);
    }

    public Prepared(List<Cadence> cadences, ValidationResult result) {
      this(cadences, result, List.of(), List.of());
    }

    /**
     * When the given files validate but what they depend on does not: those files, e.g. {@code
     * "templates/intro.md does not validate"}; empty when a given file has errors itself.
     */
    public Optional<String> brokenDependencies() {
      List<String> broken = new ArrayList<>();
      for (FileResult r : result.files()) {
        if (r.count(Severity.ERROR) == 0) {
          continue;
        }
        if (given.contains(r.path())) {
          return Optional.empty();
        }
        broken.add(r.path());
      }
      if (broken.isEmpty()) {
        return Optional.empty();
      }
      String last = broken.remove(broken.size() - 1);
      return Optional.of(
          (broken.isEmpty() ? last : String.join(", ", broken) + " and " + last)
              + (broken.isEmpty() ? " does not validate" : " do not validate"));
    }

    /**
     * The {@code cadence validate} command that shows every error here: the given files with the
     * cadence files they depend on (each one's templates are checked with it).
     */
    public String validateCommand() {
      List<String> paths = new ArrayList<>(given);
      paths.addAll(related);
      List<String> args = new ArrayList<>();
      for (String path : paths) {
        args.add(path.startsWith("-") ? "./" + path : path); // never read as an option
      }
      return "cadence validate " + String.join(" ", args);
    }
  }

  static boolean hasCode(FileResult r, Code code) {
    for (Diagnostic d : r.diagnostics()) {
      if (d.code() == code) {
        return true;
      }
    }
    return false;
  }

  /**
   * Loads {@code files} for running; a missing file is an error of the caller's (checked first).
   */
  public static Prepared prepare(List<Path> files) {
    return prepare(files, Map.of());
  }

  /**
   * As {@link #prepare(List)}, with the contents of some files replaced by {@code edited} (keyed by
   * absolute normalised path): how {@code recommend} checks its edits before writing any of them.
   */
  public static Prepared prepare(List<Path> files, Map<Path, byte[]> edited) {
    Set<Path> all = new LinkedHashSet<>(files);
    Set<Path> givenFiles = new HashSet<>();
    for (Path f : files) {
      givenFiles.add(realPath(f));
    }
    for (Path f : files) {
      Path dir = f.toAbsolutePath().getParent();
      try (Stream<Path> siblings = Files.list(dir)) {
        siblings
            .filter(CadenceWorkspace::isCadenceFile)
            .map(s -> relativeLike(f, s))
            // A given file under another name (a link beside its target) is that file, not a
            // second cadence claiming its id.
            .filter(s -> files.contains(s) || !givenFiles.contains(realPath(s)))
            .sorted()
            .forEach(all::add);
      } catch (IOException e) {
        // The given file itself will report the I/O problem.
      }
    }
    Checked checked = check(all, edited);
    Map<String, Loaded> byLabel = new LinkedHashMap<>();
    for (Loaded l : checked.loaded()) {
      byLabel.putIfAbsent(l.file(), l);
    }
    List<String> givenLabels = new ArrayList<>();
    List<Cadence> cadences = new ArrayList<>();
    for (Path f : files) {
      givenLabels.add(f.toString());
      Loaded l = byLabel.get(f.toString());
      if (l != null && l.cadence().isPresent()) {
        cadences.add(l.cadence().get().cadence());
      }
    }
    Set<String> needed =
        CadenceDependencies.of(givenLabels, checked.loaded(), checked.results(), byLabel);
    List<FileResult> kept = new ArrayList<>();
    for (String label : givenLabels) {
      kept.add(checked.results().get(label));
    }
    for (FileResult r : checked.results().values()) {
      if (!kept.contains(r) && needed.contains(r.path()) && !r.diagnostics().isEmpty()) {
        boolean template = r.cadence().isEmpty() && !byLabel.containsKey(r.path());
        if (template || r.count(Severity.ERROR) > 0) {
          kept.add(r); // a sibling cadence counts for its errors, not for its warnings
        }
      }
    }
    List<String> related = new ArrayList<>();
    for (String label : needed) {
      if (!givenLabels.contains(label) && byLabel.containsKey(label)) {
        related.add(label);
      }
    }
    return new Prepared(cadences, new ValidationResult(kept, false), givenLabels, related);
  }

  /** The file a path names, through links; the path itself when that cannot be known. */
  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  /** A sibling path spelled like the given one (relative stays relative), so labels match. */
  private static Path relativeLike(Path given, Path sibling) {
    Path parent = given.getParent();
    return parent == null ? sibling.getFileName() : parent.resolve(sibling.getFileName());
  }

  private record Checked(List<Loaded> loaded, Map<String, FileResult> results) {}

  private static Checked check(Set<Path> files, Map<Path, byte[]> edited) {
    // Files are independent until the cross-file checks: use both cores for large trees, and
    // spare a small run the cost of starting the pool.
    List<Loaded> loaded;
    if (files.size() > 16) {
      loaded = files.parallelStream().map(f -> load(f, edited)).toList();
    } else {
      loaded = new ArrayList<>();
      for (Path f : files) {
        loaded.add(load(f, edited));
      }
    }
    Map<String, FileResult> results = new LinkedHashMap<>();
    Map<String, List<Diagnostic>> extra = new LinkedHashMap<>();
    List<ProjectChecks.Entry> entries = new ArrayList<>();
    for (Loaded l : loaded) {
      if (l.cadence().isPresent()) {
        entries.add(new ProjectChecks.Entry(l.file(), l.cadence().get().cadence()));
      }
    }
    for (Diagnostic d : ProjectChecks.check(entries)) {
      List<Diagnostic> forFile = extra.get(d.file());
      if (forFile == null) {
        forFile = new ArrayList<>();
        extra.put(d.file(), forFile);
      }
      forFile.add(d);
    }
    for (Loaded l : loaded) {
      List<Diagnostic> all = new ArrayList<>(l.findings().list());
      all.addAll(extra.getOrDefault(l.file(), List.of()));
      Optional<String> id = Optional.empty();
      if (l.cadence().isPresent() && !l.cadence().get().cadence().id().isEmpty()) {
        id = Optional.of(l.cadence().get().cadence().id());
      }
      results.put(l.file(), new FileResult(l.file(), id, all));
    }
    for (var template : referencedTemplates(files, loaded).entrySet()) {
      String label = template.getKey().toString();
      if (!results.containsKey(label)) {
        Findings f = new Findings(label);
        TemplateChecks.check(template.getKey(), template.getValue(), f);
        results.put(label, new FileResult(label, Optional.empty(), f.list()));
      }
    }
    return new Checked(loaded, results);
  }

  /** Every *.yaml / *.yml file under {@code dir}, sorted, skipping hidden folders. */
  static List<Path> cadenceFilesUnder(Path dir, List<Path> unreadable) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              return !d.equals(dir) && hidden(dir.relativize(d))
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
              if (isCadenceFile(f) && !hidden(dir.relativize(f))) {
                found.add(f);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              unreadable.add(f); // one unreadable folder must not stop the others being checked
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      unreadable.add(dir);
    }
    found.sort(null);
    return found;
  }

  private static boolean isCadenceFile(Path p) {
    String name = p.getFileName().toString();
    return Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml"));
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Standard input, never more than the limit + 1 byte (enough to say it is too large); a failure
   * to read it is an I/O error of the command.
   */
  private static byte[] readStdin(InputStream stdin) {
    try {
      return stdin.readNBytes(SafeYamlReader.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read standard input: " + e.getMessage(), e);
    }
  }

  private static Loaded load(Path file, Map<Path, byte[]> edited) {
    String label = file.toString();
    Findings findings = new Findings(label);
    byte[] bytes = edited.get(file.toAbsolutePath().normalize());
    if (bytes != null && bytes.length > SafeYamlReader.MAX_BYTES) {
      return tooLarge(label, findings, "more than " + SafeYamlReader.MAX_BYTES + " bytes");
    }
    if (bytes != null) {
      return loaded(file, label, findings, bytes);
    }
    try {
      long size = Files.size(file);
      // Never more than the limit + 1 byte: a device or pipe reports size 0 and may never end.
      try (var in = Files.newInputStream(file)) {
        bytes = in.readNBytes(SafeYamlReader.MAX_BYTES + 1);
      }
      if (size > SafeYamlReader.MAX_BYTES || bytes.length > SafeYamlReader.MAX_BYTES) {
        return tooLarge(
            label,
            findings,
            size > SafeYamlReader.MAX_BYTES
                ? size + " bytes"
                : "more than " + SafeYamlReader.MAX_BYTES + " bytes");
      }
    } catch (NoSuchFileException e) {
      findings.error(Code.IO_ERROR, Pos.NONE, "file disappeared while reading: " + label);
      return new Loaded(label, findings, Optional.empty());
    } catch (IOException e) {
      findings.error(
          Code.IO_ERROR,
          Pos.NONE,
          "cannot read file: "
              + (e instanceof AccessDeniedException ? "permission denied" : e.getMessage())
              + "; check the file's permissions");
      return new Loaded(label, findings, Optional.empty());
    }
    return loaded(file, label, findings, bytes);
  }

  private static Loaded tooLarge(String label, Findings findings, String size) {
    findings.error(
        Code.FILE_TOO_LARGE,
        Pos.NONE,
        "file is "
            + size
            + ", more than the "
            + SafeYamlReader.MAX_BYTES
            + " a cadence may have; split it into several cadences");
    return new Loaded(label, findings, Optional.empty());
  }

  private static Loaded loaded(Path file, String label, Findings findings, byte[] bytes) {
    YamlDocument doc = new SafeYamlReader().read(bytes);
    for (var p : doc.problems()) {
      findings.error(p.code(), p.pos(), p.message());
    }
    Optional<BoundCadence> bound =
        doc.root().isPresent() ? CadenceBinder.bind(doc.root().get(), findings) : Optional.empty();
    Path dir = file.toAbsolutePath().getParent();
    if (bound.isPresent()) {
      CadenceValidator.check(bound.get(), new TemplateFolder(dir), findings);
    }
    return new Loaded(label, findings, bound);
  }

  /**
   * Template files that exist and are referenced by the cadences, with whether they need a subject.
   */
  private static Map<Path, Boolean> referencedTemplates(Set<Path> files, List<Loaded> loaded) {
    Map<Path, Boolean> templates = new LinkedHashMap<>();
    List<Path> fileList = List.copyOf(files);
    for (int i = 0; i < loaded.size(); i++) {
      for (var t :
          CadenceDependencies.templatesOf(fileList.get(i), loaded.get(i).cadence()).entrySet()) {
        // A template that some email uses needs a subject, whatever other steps use it.
        templates.put(t.getKey(), t.getValue() || Boolean.TRUE.equals(templates.get(t.getKey())));
      }
    }
    return templates;
  }
}
