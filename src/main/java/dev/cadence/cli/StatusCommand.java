package dev.cadence.cli;

import dev.cadence.live.StateStore;
import dev.cadence.live.StatusReport;
import dev.cadence.report.live.LiveFormat;
import dev.cadence.report.live.StatusWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cadence status}: enrollments by cadence, step and lead status; sends that need a person.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  cadence status",
      "  # the sends that need a person, for a script",
      "  cadence status --format json | jq '.attention'",
      "  # which out-of-office pauses still hold on Monday",
      "  cadence status --now 2027-01-04T09:00:00Z"
    },
    description =
        "Per cadence and step: enrollments, leads waiting, touches performed, sends by state;"
            + " the sends in doubt, failed or held are listed; --now counts the pauses (out of"
            + " office) that still hold at that time.")
final class StatusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand CadenceCommand parent;
  @Mixin OutputOptions output;
  @Mixin NowOption now;
  @Mixin DbOption db;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text or json (default: text).")
  LiveFormat format;

  @Override
  public Integer call() {
    try (StateStore store = db.open()) {
      LiveCadences.Loaded loaded = LiveCadences.load(store);
      StatusReport report =
          StatusReport.of(store, loaded.cadences(), loaded.refused(), now.resolve(parent.clock()));
      if (format == LiveFormat.JSON) {
        StatusWriter.json(report, spec.commandLine().getOut());
      } else {
        StatusWriter.text(report, spec.commandLine().getOut());
      }
      return ExitCodes.OK;
    }
  }
}
