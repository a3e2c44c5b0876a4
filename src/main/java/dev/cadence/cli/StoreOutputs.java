package dev.cadence.cli;

import dev.cadence.store.StoreFiles;
import dev.cadence.store.Stores;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The one check that no file a command writes ({@code --out}, {@code --log}, {@code --rejects}:
 * every option read by {@link OutputFile}) is the state store or one of its files, whatever the
 * spelling. It runs for every command before the command does anything, so a new output option is
 * covered by declaring it with {@code OutputFile}. The store is the command's {@code --db} (given
 * or default); a command without one still never writes over a SQLite database.
 */
final class StoreOutputs {
  private StoreOutputs() {}

  /** The execution strategy that checks the outputs, then runs the command as picocli would. */
  static int execute(ParseResult parsed) {
    ParseResult leaf = parsed;
    while (leaf.subcommand() != null) {
      leaf = leaf.subcommand();
    }
    if (!leaf.isUsageHelpRequested() && !leaf.isVersionHelpRequested()) {
      check(leaf.commandSpec());
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  private static void check(CommandSpec spec) {
    Optional<Path> db = store(spec);
    for (OptionSpec option : spec.options()) {
      if (!writesAFile(option) || !(option.getValue() instanceof Path out)) {
        continue;
      }
      Optional<String> clash = StoreFiles.clash(out, db);
      if (clash.isPresent()) {
        String message =
            option.longestName()
                + " "
                + out
                + " would write over "
                + clash.get()
                + "; choose another file";
        throw new CommandLine.ExecutionException(
            spec.commandLine(), message, new CadenceException(ExitCodes.USAGE, message));
      }
    }
  }

  private static boolean writesAFile(OptionSpec option) {
    for (CommandLine.ITypeConverter<?> c : option.converters()) {
      if (c instanceof OutputFile) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Path> store(CommandSpec spec) {
    OptionSpec db = spec.findOption("--db");
    if (db == null || !(db.getValue() instanceof String value)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Stores.sqliteFile(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // the command reports the bad --db itself
    }
  }
}
