package dev.cadence.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code cadence init [DIR]}: a starter project that works as it is: a cadence with its templates
 * and call script, a lead list to plan and simulate it with, a {@code .gitignore} for the state
 * store, and a CI workflow that validates the cadences on every push.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Start a project in DIR (default: the current folder; created if missing): a cadence"
          + " (cadences/first-touch.yaml) with its templates and call script, a sample lead list"
          + " (leads.csv), a .gitignore for the state store, and a GitHub Actions workflow that runs"
          + " `cadence validate --format github` on every push.",
      "Nothing is overwritten: if any of these files exists, nothing is written."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  # a new project, then check, plan and rehearse it",
      "  cadence init sales-cadences && cd sales-cadences",
      "  cadence validate --strict cadences/",
      "  cadence plan cadences/first-touch.yaml --leads leads.csv",
      "  # in the current folder (an empty git repository, say)",
      "  cadence init",
    })
final class InitCommand implements Callable<Integer> {
  private static final String RESOURCES = "/dev/cadence/init/";

  /** Where each file of the project comes from (a resource of this folder) and goes. */
  static final Map<String, String> FILES = new LinkedHashMap<>();

  static {
    FILES.put("first-touch.yaml", "cadences/first-touch.yaml");
    FILES.put("intro.md", "cadences/templates/intro.md");
    FILES.put("follow-up.md", "cadences/templates/follow-up.md");
    FILES.put("check-in.md", "cadences/scripts/check-in.md");
    FILES.put("leads.csv", "leads.csv");
    // Stored without their leading dot: a build may leave dot-files out of the jar.
    FILES.put("gitignore", ".gitignore");
    FILES.put("github-workflow.yml", ".github/workflows/cadence.yml");
  }

  @Spec CommandSpec spec;
  @Mixin OutputOptions output;

  @Parameters(
      arity = "0..1",
      paramLabel = "DIR",
      description = "The project's folder (default: the current folder).")
  Path dir = Path.of(".");

  @Override
  public Integer call() throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new CadenceException(ExitCodes.USAGE, dir + " is a file, not a folder");
    }
    List<String> taken = new ArrayList<>();
    for (String target : FILES.values()) {
      if (Files.exists(dir.resolve(target), LinkOption.NOFOLLOW_LINKS)) {
        taken.add(target);
      }
    }
    if (!taken.isEmpty()) {
      throw new CadenceException(
          ExitCodes.USAGE,
          dir
              + " already has "
              + String.join(", ", taken)
              + "; nothing written (choose another folder, or move "
              + (taken.size() == 1 ? "it" : "them")
              + " away)");
    }
    for (Map.Entry<String, String> file : FILES.entrySet()) {
      write(file.getKey(), dir.resolve(file.getValue()));
    }
    if (!output.quiet) {
      print();
    }
    return ExitCodes.OK;
  }

  private static void write(String resource, Path target) throws IOException {
    byte[] bytes;
    try (InputStream in = InitCommand.class.getResourceAsStream(RESOURCES + resource)) {
      if (in == null) {
        throw new CadenceException(
            ExitCodes.RUNTIME,
            "the starter files are missing from this build; rebuild with `mvn package`");
      }
      bytes = in.readAllBytes();
    }
    Files.createDirectories(target.getParent());
    try {
      Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (FileAlreadyExistsException e) { // created since the check: still never overwritten
      throw new CadenceException(ExitCodes.RUNTIME, target + " appeared while writing; left as is");
    }
  }

  private void print() {
    PrintWriter out = spec.commandLine().getOut();
    boolean here = dir.normalize().toString().isEmpty() || dir.normalize().equals(Path.of("."));
    out.println("created a cadence project" + (here ? "" : " in " + dir) + ":");
    for (String target : FILES.values()) {
      out.println("  " + target);
    }
    out.println("next:");
    if (!here) {
      out.println("  cd " + dir);
    }
    out.println("  cadence validate --strict cadences/");
    out.println("  cadence plan cadences/first-touch.yaml --leads leads.csv --by day");
    out.println(
        "  cadence simulate cadences/first-touch.yaml --leads leads.csv --out outcomes.csv");
    out.println("  cadence analyze outcomes.csv");
    out.flush();
  }
}
