package dev.cadence.cli;

import dev.cadence.io.BundledSamples;
import dev.cadence.io.yaml.CadenceEditor;
import dev.cadence.report.Words;
import dev.cadence.report.recommend.UnifiedDiff;
import dev.cadence.simulate.SyntheticLeads;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cadence demo}: the seed's whole loop on the bundled samples, in one command and a few
 * seconds. Validates the sample cadences, runs an A/B test of the seed's question (should the third
 * email be a phone call?) in the simulator, analyses the two logs and asks recommend for the
 * change, shown as a diff. Every step is a real {@code cadence} command, printed before its output
 * so that the reader can run it again in the demo folder.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  # the whole loop on the samples, in a temporary folder",
      "  cadence demo",
      "  # more leads, another seed, the files kept",
      "  cadence demo --leads 2000 --seed 7 --dir demo"
    },
    description = {
      "The whole loop on the bundled samples: validate the sample cadences, simulate an A/B test of a cadence"
          + " (should the third email be a call?), analyze the outcome logs, and recommend the change with its evidence"
          + " and diff. Files are left in the demo folder to look at and run the commands again."
    })
final class DemoCommand implements Callable<Integer> {
  static final String CADENCE = "outbound-lead-qualification";

  /** The seed's "third follow-up email", the last touch of the sample: day 18. */
  static final String THIRD_EMAIL = "final-email";

  static final String START = "2026-03-02";

  @Spec CommandSpec spec;
  @ParentCommand CadenceCommand parent;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description =
          "Where to write the demo's files (a new or empty folder; default: a new temporary folder).")
  Path dir;

  @Option(
      names = "--leads",
      defaultValue = "500",
      paramLabel = "N",
      description = "Leads on each version of the cadence (default: ${DEFAULT-VALUE}).")
  int leads;

  @Option(
      names = "--seed",
      defaultValue = "1",
      paramLabel = "N",
      description = "Random seed of the simulation (default: ${DEFAULT-VALUE}).")
  long seed;

  private PrintWriter out;
  private Path home;

  @Override
  public Integer call() throws IOException {
    out = spec.commandLine().getOut();
    if (leads < 1) {
      throw new CadenceException(ExitCodes.USAGE, "--leads must be at least 1, not " + leads);
    }
    home = prepareDir();
    String a = "cadences/" + CADENCE + ".yaml";
    String b = "variant-b/" + CADENCE + ".yaml";
    out.println("cadence demo: the whole loop on the bundled samples, in " + home);
    out.println("(the files stay there: cd into it to run the commands below yourself)");

    heading(1, "Validate the sample cadences (one per kind of sales cadence)");
    BundledSamples.copyCadences(home.resolve("cadences"));
    if (run("validate", "cadences") != ExitCodes.OK) {
      return failed("the sample cadences do not validate");
    }

    heading(2, "An A/B test: should the third email be a phone call?");
    String textA = Files.readString(home.resolve(a));
    String textB = variantB(textA);
    copyFolderFiles("templates", "variant-b");
    copyFolderFiles("scripts", "variant-b");
    Files.writeString(home.resolve(b), textB);
    say(
        "A rule of thumb says: \"if a third follow-up email does not establish contact while a phone call does, replace the"
            + " third email with a phone call.\" Version A is "
            + a
            + " as written: an intro email on day 1, a follow-up email on day 5, calls in"
            + " between and after, and a third email on day 18 (\"looking forward to hearing from you\"). Version B"
            + " makes that third email a call, and changes nothing else:");
    out.println();
    indent(UnifiedDiff.of(a, b, textA, textB));

    heading(3, String.format(Locale.ROOT, "Simulate %,d leads on each version", leads));
    say(
        "The response model (response-model.yaml, the default one) plays what B2B outbound sees: replies to"
            + " emails fall off after the first touches, while calls keep connecting.");
    writeLeads("leads-a.csv", 1);
    writeLeads("leads-b.csv", leads + 1);
    writeModel();
    for (String[] arm :
        new String[][] {{a, "leads-a.csv", "log-a.csv"}, {b, "leads-b.csv", "log-b.csv"}}) {
      if (run(
              "simulate",
              arm[0],
              "--leads",
              arm[1],
              "--model",
              "response-model.yaml",
              "--start",
              START,
              "--seed",
              String.valueOf(seed),
              "--out",
              arm[2],
              "--quiet")
          != ExitCodes.OK) {
        return failed("the simulation failed");
      }
      out.println(
          String.format(
              Locale.ROOT,
              "  wrote %s: %,d events",
              arm[2],
              Files.lines(home.resolve(arm[2])).count() - 1));
    }

    heading(4, "Analyze both logs: response rate by position and channel");
    if (run("analyze", "log-a.csv", "log-b.csv", "--table", "response_rate_by_position_channel")
        != ExitCodes.OK) {
      return failed("the analysis failed");
    }

    heading(5, "Recommend: what to change in version A, with the evidence and the diff");
    int recommended = run("recommend", "log-a.csv", "log-b.csv", "--cadence", a, "--dry-run");
    if (recommended != ExitCodes.OK) {
      return failed("recommend failed");
    }

    out.println();
    out.println("Next:");
    out.println("  cd " + home);
    out.println(
        "  "
            + launcher()
            + " recommend log-a.csv log-b.csv --cadence "
            + a
            + " --apply   # write the change");
    out.println(
        "  "
            + launcher()
            + " analyze log-a.csv log-b.csv --format html --out report.html   # every table, with charts");
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * The command as the user can type it in the demo folder: bin/cadence passes its own name
   * ("cadence" when it is the one on the PATH, else its absolute path); "cadence" otherwise.
   */
  static String launcher() {
    String name = System.getProperty("cadence.launcher", "").strip();
    if (name.isEmpty()) {
      return "cadence";
    }
    return name.matches("[A-Za-z0-9_./+,:@%=-]+") ? name : "'" + name.replace("'", "'\\''") + "'";
  }

  /** Version B: the third email becomes a call, made with the same editor recommend uses. */
  private static String variantB(String a) {
    try {
      CadenceEditor editor = new CadenceEditor(a);
      editor.set(THIRD_EMAIL, "id", "final-call");
      editor.set("final-call", "name", "Looking forward to hearing from you, by phone");
      editor.set("final-call", "channel", "call");
      editor.remove("final-call", "template");
      editor.set("final-call", "script", "leave-message", "channel");
      return editor.text();
    } catch (CadenceEditor.Refused e) {
      throw new CadenceException(
          ExitCodes.RUNTIME,
          "the bundled sample " + CADENCE + " changed shape: " + e.getMessage(),
          e);
    }
  }

  /**
   * Runs {@code cadence ARGS} in the demo folder, printing the command and its output, indented.
   */
  private int run(String... args) {
    out.println("$ " + launcher() + " " + String.join(" ", args));
    List<String> resolved = new ArrayList<>();
    for (String arg : args) {
      // Files named relative to the demo folder: resolved there, since a JVM cannot change
      // directory.
      resolved.add(
          !arg.startsWith("-") && (arg.contains("/") || arg.contains(".")) || arg.equals("cadences")
              ? home.resolve(arg).toString()
              : arg);
    }
    StringWriter text = new StringWriter();
    StringWriter errors = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(text);
        PrintWriter e = new PrintWriter(errors)) {
      code = Cli.create(parent.context(), o, e, args[0]).execute(resolved.toArray(String[]::new));
    }
    String prefix = home + File.separator;
    indent(text.toString().replace(prefix, ""));
    indent(errors.toString().replace(prefix, ""));
    return code;
  }

  private void indent(String text) {
    text.lines().forEach(line -> out.println(line.isEmpty() ? "" : "  " + line));
    out.flush();
  }

  private void heading(int n, String title) {
    out.println();
    out.println(n + ". " + title);
    out.println();
  }

  private void say(String text) {
    for (String line : Words.wrap(text, 96)) {
      out.println("  " + line);
    }
  }

  private int failed(String why) {
    spec.commandLine()
        .getErr()
        .println("error: the demo stopped: " + why + " (see above); its files are in " + home);
    spec.commandLine().getErr().flush();
    return ExitCodes.RUNTIME;
  }

  private Path prepareDir() throws IOException {
    if (dir == null) {
      return Files.createTempDirectory("cadence-demo-");
    }
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new CadenceException(ExitCodes.USAGE, "--dir " + dir + " is a file, not a folder");
      }
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new CadenceException(
              ExitCodes.USAGE,
              "--dir " + dir + " is not empty; the demo writes into a new or empty folder");
        }
      }
    }
    return Files.createDirectories(dir).toAbsolutePath();
  }

  private void copyFolderFiles(String folder, String into) throws IOException {
    Path from = home.resolve("cadences").resolve(folder);
    Path to = Files.createDirectories(home.resolve(into).resolve(folder));
    try (Stream<Path> files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName().toString()));
      }
    }
  }

  private void writeLeads(String name, int first) throws IOException {
    try (Writer w = Files.newBufferedWriter(home.resolve(name), StandardCharsets.UTF_8)) {
      SyntheticLeads.write(w, first, leads);
    }
  }

  private void writeModel() throws IOException {
    try (InputStream in = DemoCommand.class.getResourceAsStream(SimulationInputs.DEFAULT_MODEL)) {
      if (in == null) {
        throw new CadenceException(
            ExitCodes.RUNTIME,
            "the built-in response model is missing from this build; rebuild with `mvn package`");
      }
      Files.write(home.resolve("response-model.yaml"), in.readAllBytes());
    }
  }
}
