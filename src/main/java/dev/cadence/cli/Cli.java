package dev.cadence.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Wires the picocli command line used by both {@code Main} and the tests. */
public final class Cli {
  private Cli() {}

  /** The subcommands, in the order help lists them. */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("init", InitCommand::new);
    COMMANDS.put("validate", () -> new ValidateCommand().spec());
    COMMANDS.put("schema", SchemaCommand::new);
    COMMANDS.put("plan", PlanCommand::new);
    COMMANDS.put("simulate", SimulateCommand::new);
    COMMANDS.put("enroll", EnrollCommand::new);
    COMMANDS.put("run", RunCommand::new);
    COMMANDS.put("inbox", InboxCommand::new);
    COMMANDS.put("unsubscribe", UnsubscribeCommand::new);
    COMMANDS.put("serve", ServeCommand::new);
    COMMANDS.put("record", RecordCommand::new);
    COMMANDS.put("resolve", ResolveCommand::new);
    COMMANDS.put("status", StatusCommand::new);
    COMMANDS.put("tasks", TasksCommand::new);
    COMMANDS.put("log", LogCommand::new);
    COMMANDS.put("analyze", AnalyzeCommand::new);
    COMMANDS.put("recommend", RecommendCommand::new);
    COMMANDS.put("demo", DemoCommand::new);
  }

  /**
   * The command line for running {@code command} in {@code context}: only that subcommand is built
   * when it is a known one. picocli reflects over every subcommand it is given, which a CI loop
   * running {@code validate} over many files would pay each time; any other first argument (help, a
   * typo) gets them all.
   */
  public static CommandLine create(CommandContext context, String command) {
    CommandLine cli = new CommandLine(new CadenceCommand(context).spec());
    COMMANDS.forEach(
        (name, command0) -> {
          if (!COMMANDS.containsKey(command) || command.equals(name)) {
            cli.addSubcommand(name, command0.get());
          }
        });
    if (!COMMANDS.containsKey(command)) {
      // Both need the whole model: `help plan` prints plan's help, `completion` lists every option.
      cli.addSubcommand("help", new CommandLine.HelpCommand());
      cli.addSubcommand("completion", new CompletionCommand());
    }
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionStrategy(StoreOutputs::execute);
    cli.setExecutionExceptionHandler(Cli::handle);
    cli.setParameterExceptionHandler(Cli::handleUsage);
    return cli;
  }

  /** As {@link #run(CommandContext, PrintWriter, PrintWriter, String...)} in the real world. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(CommandContext.system(), out, err, args);
  }

  /**
   * Runs {@code args} as {@code Main} does: {@code validate} in its plain forms goes through {@link
   * FastValidate} without picocli, everything else through {@link #create(CommandContext,
   * PrintWriter, PrintWriter, String)}. Returns the exit code.
   */
  public static int run(CommandContext context, PrintWriter out, PrintWriter err, String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // The answer is two lines; picocli would first build every subcommand from its annotations.
      for (String line : BuildInfo.lines()) {
        out.println(line);
      }
      return ExitCodes.OK;
    }
    Integer fast = FastValidate.tryRun(args, out, err);
    return fast != null
        ? fast
        : create(context, out, err, args.length > 0 ? args[0] : "").execute(args);
  }

  /** Creates the command line writing to the given streams (for tests and embedding). */
  public static CommandLine create(PrintWriter out, PrintWriter err) {
    return create(CommandContext.system(), out, err, "");
  }

  /** As {@link #create(PrintWriter, PrintWriter)}, building only the subcommand {@code command}. */
  public static CommandLine create(PrintWriter out, PrintWriter err, String command) {
    return create(CommandContext.system(), out, err, command);
  }

  /** The command line in {@code context}, writing to the given streams. */
  public static CommandLine create(
      CommandContext context, PrintWriter out, PrintWriter err, String command) {
    CommandLine cli = create(context, command);
    cli.setOut(out);
    cli.setErr(err);
    return cli;
  }

  /** True when the arguments ask for stack traces ({@code -v} or {@code --verbose}). */
  public static boolean verbose(List<String> args) {
    return args.contains("--verbose") || args.contains("-v");
  }

  /** Any exception a command lets escape: one line on stderr, the trace only with --verbose. */
  private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    boolean verbose = parsed != null && verbose(parsed.expandedArgs());
    return failure(e, cmd.getErr(), cmd.getColorScheme(), verbose);
  }

  /**
   * Reports an exception a command let escape; returns the exit code. Shared with {@link
   * FastValidate}. A {@link CadenceException} carries its own code; everything else is a runtime
   * failure (exit 3): a store that cannot be used ({@code StoreException}), a file that cannot be
   * read or written ({@code UncheckedIOException}), and anything unexpected. Commands let those
   * escape instead of catching them one by one.
   */
  static int failure(
      Exception e, PrintWriter err, CommandLine.Help.ColorScheme colors, boolean verbose) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    err.println(colors.errorText("error: " + message.lines().findFirst().orElse("")));
    if (verbose) {
      e.printStackTrace(err);
    }
    err.flush();
    return e instanceof CadenceException ce ? ce.exitCode() : ExitCodes.RUNTIME;
  }

  private static int handleUsage(CommandLine.ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    PrintWriter err = cmd.getErr();
    Optional<String> dashed = DashedPath.message(args, cmd.getCommandSpec());
    // A mistyped option is the cause whatever picocli met first (a required option then seems
    // missing): it is reported, with the closest option the command takes.
    Optional<OptionTypos.Typo> typo =
        dashed.isPresent() ? Optional.empty() : OptionTypos.find(args, cmd.getCommandSpec());
    List<String> typoLines = typo.map(t -> t.lines(cmd.getCommandSpec())).orElse(List.of());
    err.println(
        cmd.getColorScheme()
            .errorText(
                "error: "
                    + dashed.orElse(typoLines.isEmpty() ? e.getMessage() : typoLines.get(0))));
    if (dashed.isPresent()) {
      // the one line says it all
    } else if (typoLines.size() > 1) {
      err.println(typoLines.get(1));
    } else if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
      err.println(
          "Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    }
    if (verbose(Arrays.asList(args))) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.USAGE;
  }
}
