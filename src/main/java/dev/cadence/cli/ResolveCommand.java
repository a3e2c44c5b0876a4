package dev.cadence.cli;

import dev.cadence.io.log.OutcomeLogAppender;
import dev.cadence.live.Resolver;
import dev.cadence.live.StateStore;
import dev.cadence.report.live.LiveFormat;
import dev.cadence.report.live.ResolveWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cadence resolve}: a person settles a send in doubt (or failed). */
@Command(
    name = "resolve",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  # the mail server's log shows it went out: record it",
      "  cadence resolve --lead L-0007 --step intro-email --as sent",
      "  # it did not: the next tick sends it",
      "  cadence resolve --lead L-0007 --step intro-email --as not-sent"
    },
    description = {
      "Settle a send that `cadence status` lists in doubt: --as sent records it as sent (check the mail server's log"
          + " or the sent folder for its Message-ID first); --as not-sent puts it back for the next tick to send.",
      "A failed send may also be put back with --as not-sent."
    })
final class ResolveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand CadenceCommand parent;
  @Mixin OutputOptions output;
  @Mixin NowOption now;
  @Mixin DbOption db;

  @Option(names = "--lead", required = true, paramLabel = "ID", description = "The lead id.")
  String lead;

  @Option(names = "--step", required = true, paramLabel = "STEP", description = "The step id.")
  String step;

  @Option(
      names = "--cadence",
      paramLabel = "ID",
      description = "The cadence, when the lead is in several with that step.")
  String cadence;

  @Option(
      names = "--as",
      required = true,
      paramLabel = "sent|not-sent",
      description = "What happened to the message.")
  String verdict;

  @Option(
      names = "--log",
      paramLabel = "LOG.csv",
      converter = OutputFile.class,
      description = "The outcome log to append the `sent` event to.")
  Path log;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text or json (default: text).")
  LiveFormat format;

  @Override
  public Integer call() {
    Resolver.Verdict v =
        switch (verdict) {
          case "sent" -> Resolver.Verdict.SENT;
          case "not-sent" -> Resolver.Verdict.NOT_SENT;
          default ->
              throw new CadenceException(
                  ExitCodes.USAGE, "--as must be sent or not-sent, not `" + verdict + "`");
        };
    try (StateStore store = db.open()) {
      LiveCadences.Loaded loaded = LiveCadences.load(store);
      Resolver.Resolved r =
          new Resolver(store, loaded.cadences())
              .resolve(lead, Optional.ofNullable(cadence), step, v, now.resolve(parent.clock()));
      if (format == LiveFormat.JSON) {
        ResolveWriter.json(
            lead,
            step,
            r.send().map(s -> s.cadence()).or(() -> Optional.ofNullable(cadence)),
            verdict,
            r.refusal(),
            spec.commandLine().getOut());
      }
      if (r.refusal().isPresent()) {
        spec.commandLine().getErr().println("error: " + r.refusal().get());
        return ExitCodes.FINDINGS;
      }
      if (log != null && !r.events().isEmpty()) {
        try (OutcomeLogAppender appender = new OutcomeLogAppender(log)) {
          appender.append(r.events());
        }
      }
      if (!output.quiet && format == LiveFormat.TEXT) {
        spec.commandLine()
            .getOut()
            .println(
                "settled: "
                    + r.send().get().cadence()
                    + " lead "
                    + lead
                    + " step "
                    + step
                    + " as "
                    + (v == Resolver.Verdict.SENT
                        ? "sent"
                        : "not sent; the next `cadence run` sends it"));
      }
      return ExitCodes.OK;
    }
  }
}
