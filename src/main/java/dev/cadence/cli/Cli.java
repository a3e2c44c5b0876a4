package dev.cadence.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
    COMMANDS.put("validate", () -> new ValidateCommand().spec());
    COMMANDS.put("schema", SchemaCommand::new);
    COMMANDS.put("plan", PlanCommand::new);
    COMMANDS.put("simulate", SimulateCommand::new);
    COMMANDS.put("enroll", EnrollCommand::new);
    COMMANDS.put("run", RunCommand::new);
    COMMANDS.put("record", RecordCommand::new);
    COMMANDS.put("resolve", ResolveCommand::new);
    COMMANDS.put("status", StatusCommand::new);
    COMMANDS.put("tasks", TasksCommand::new);
    COMMANDS.put("log", LogCommand::new);
    COMMANDS.put("analyze", AnalyzeCommand::new);
    COMMANDS.put("recommend", RecommendCommand::new);
    COMMANDS.put("demo", DemoCommand::new);
  }

  public static CommandLine create() {
    return create(Clock.systemUTC());
  }

  /** The command line with the clock that "now" comes from (unless --now overrides it). */
  public static CommandLine create(Clock clock) {
    return create(clock, "");
  }

  /**
   * The command line for running {@code command}: only that subcommand is built when it is a known
   * one. picocli reflects over every subcommand it is given, ~50 ms that a CI loop running {@code
   * validate} over many files would pay each time; any other first argument (help, a typo) gets
   * them all.
   */
  public static CommandLine create(Clock clock, String command) {
    CommandLine cli = new CommandLine(new CadenceCommand(clock).spec());
    COMMANDS.forEach(
        (name, command0) -> {
          if (!COMMANDS.containsKey(command) || command.equals(name)) {
            cli.addSubcommand(name, command0.get());
          }
        });
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(Cli::handle);
    cli.setParameterExceptionHandler(Cli::handleUsage);
    return cli;
  }

  /**
   * Runs {@code args} as {@code Main} does: {@code validate} in its plain forms goes through {@link
   * FastValidate} without picocli, everything else through {@link #create(PrintWriter, PrintWriter,
   * String)}. Returns the exit code.
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // The answer is one line; picocli would first build every subcommand from its annotations.
      out.println(CadenceCommand.VERSION);
      return ExitCodes.OK;
    }
    Integer fast = FastValidate.tryRun(args, out, err);
    return fast != null ? fast : create(out, err, args.length > 0 ? args[0] : "").execute(args);
  }

  /** Creates the command line writing to the given streams (for tests and embedding). */
  public static CommandLine create(PrintWriter out, PrintWriter err) {
    return create(out, err, "");
  }

  /** As {@link #create(PrintWriter, PrintWriter)}, building only the subcommand {@code command}. */
  public static CommandLine create(PrintWriter out, PrintWriter err, String command) {
    CommandLine cli = create(Clock.systemUTC(), command);
    cli.setOut(out);
    cli.setErr(err);
    return cli;
  }

  /** Any exception a command lets escape: one line on stderr, the trace only with --verbose. */
  private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    boolean verbose =
        parsed != null
            && parsed.expandedArgs().stream()
                .anyMatch(a -> a.equals("--verbose") || a.equals("-v"));
    return failure(e, cmd.getErr(), cmd.getColorScheme(), verbose);
  }

  /**
   * Reports an exception a command let escape; returns the exit code. Shared with {@link
   * FastValidate}.
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
    err.println(cmd.getColorScheme().errorText("error: " + dashed.orElse(e.getMessage())));
    if (dashed.isPresent()) {
      // the one line says it all
    } else if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
      err.println(
          "Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    }
    if (Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v")) {
      e.printStackTrace(err);
    }
    err.flush();
    return ExitCodes.USAGE;
  }
}
