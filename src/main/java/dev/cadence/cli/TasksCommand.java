package dev.cadence.cli;

import dev.cadence.live.StateStore;
import dev.cadence.live.Tasks;
import dev.cadence.report.live.TasksFormat;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cadence tasks}: the calls, tasks, meetings and approvals due for their owners. */
@Command(
    name = "tasks",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  # a rep's list for today, and as a calendar",
      "  cadence tasks --owner sophie --due today",
      "  cadence tasks --owner sophie --format ics > sophie.ics",
      "  # everything open, for a spreadsheet",
      "  cadence tasks --format csv > tasks.csv"
    },
    description =
        "The reps' list: calls, tasks, meetings, approvals and social touches of active enrollments, by due time"
            + " (text, csv, json, or ics with a reminder each). They stay listed until `cadence record` completes them.")
final class TasksCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand CadenceCommand parent;
  @Mixin OutputOptions output;
  @Mixin NowOption now;
  @Mixin DbOption db;

  @Option(
      names = "--owner",
      paramLabel = "NAME",
      description = "Only the tasks of this owner (or team).")
  String owner;

  @Option(
      names = "--due",
      paramLabel = "today|all",
      description =
          "today: due by the end of today (in each lead's zone), overdue included; all (default): every open task.")
  String due = "all";

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text, csv, ics or json (default: text).")
  TasksFormat format;

  @Override
  public Integer call() {
    if (!due.equals("today") && !due.equals("all")) {
      throw new CadenceException(ExitCodes.USAGE, "--due must be today or all, not `" + due + "`");
    }
    Instant at = now.resolve(parent.clock());
    try (StateStore store = db.open()) {
      LiveCadences.Loaded loaded = LiveCadences.load(store);
      List<Tasks.Task> tasks =
          Tasks.of(store, loaded.cadences()).stream()
              .filter(
                  t ->
                      owner == null
                          || owner.equals(t.owner())
                          || owner.equals(t.step().team().orElse(null)))
              .filter(
                  t ->
                      due.equals("all")
                          || !t.due().atZone(t.zone()).toLocalDate().isAfter(today(at, t)))
              .toList();
      PrintWriter out = spec.commandLine().getOut();
      format.write(tasks, at, out);
      loaded
          .refused()
          .forEach(
              (id, why) ->
                  spec.commandLine().getErr().println("warning: cadence " + id + ": " + why));
      return ExitCodes.OK;
    }
  }

  private static LocalDate today(Instant at, Tasks.Task t) {
    return at.atZone(t.zone()).toLocalDate();
  }
}
