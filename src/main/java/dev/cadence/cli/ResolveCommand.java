package dev.cadence.cli;

import dev.cadence.io.log.OutcomeLogAppender;
import dev.cadence.live.Resolver;
import dev.cadence.live.SendRecord;
import dev.cadence.live.StateStore;
import dev.cadence.model.OutcomeEvent;
import dev.cadence.report.live.LiveFormat;
import dev.cadence.report.live.ResolveWriter;
import dev.cadence.validate.Diagnostic;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cadence resolve}: a person settles a send in doubt (or failed), or many at once. */
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
      "A failed send may also be put back with --as not-sent.",
      "Without --lead, settle every send in doubt that --cadence, --step, --since and --until select (or"
          + " --all-in-doubt: all of them; --failed: the failed ones instead, with --as not-sent); try it with"
          + " --dry-run first."
    })
final class ResolveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand CadenceCommand parent;
  @Mixin OutputOptions output;
  @Mixin NowOption now;
  @Mixin DbOption db;

  @Option(names = "--lead", paramLabel = "ID", description = "The lead id (one send).")
  String lead;

  @Option(names = "--step", paramLabel = "STEP", description = "The step id.")
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
      names = "--all-in-doubt",
      description = "Settle every send in doubt (narrowed by the other filters, if given).")
  boolean allInDoubt;

  @Option(
      names = "--since",
      paramLabel = "ISO-8601",
      description = "Only sends handed to the server at or after this instant.")
  String since;

  @Option(
      names = "--until",
      paramLabel = "ISO-8601",
      description = "Only sends handed to the server before this instant.")
  String until;

  @Option(
      names = "--failed",
      description = "Select failed sends instead of those in doubt (with --as not-sent).")
  boolean failed;

  @Option(
      names = "--dry-run",
      description = "List the sends that would be settled; change nothing.")
  boolean dryRun;

  @Mixin LogOption log;

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
    boolean bulk = allInDoubt || since != null || until != null || failed || dryRun;
    if (lead != null && step == null && !bulk) {
      throw new CadenceException(
          ExitCodes.USAGE, "--lead needs --step (or --dry-run to list that lead's sends)");
    }
    if (lead == null && !bulk && step == null && cadence == null) {
      throw new CadenceException(
          ExitCodes.USAGE,
          "say which sends: --lead L --step S for one, or --all-in-doubt, --cadence, --step,"
              + " --since or --until for several");
    }
    if (failed && v == Resolver.Verdict.SENT) {
      throw new CadenceException(
          ExitCodes.USAGE, "--failed goes with --as not-sent: the server refused those sends");
    }
    Instant at = now.resolve(parent.clock());
    try (StateStore store = db.open()) {
      LiveCadences.Loaded loaded = LiveCadences.load(store);
      Resolver resolver = new Resolver(store, loaded.cadences());
      return lead != null && step != null && !bulk ? one(resolver, v, at) : many(resolver, v, at);
    }
  }

  private int one(Resolver resolver, Resolver.Verdict v, Instant at) {
    Resolver.Resolved r = resolver.resolve(lead, Optional.ofNullable(cadence), step, v, at);
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
    append(r.events());
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

  private int many(Resolver resolver, Resolver.Verdict v, Instant at) {
    Resolver.Selection selection =
        new Resolver.Selection(
            Optional.ofNullable(lead),
            Optional.ofNullable(cadence),
            Optional.ofNullable(step),
            Optional.ofNullable(since).map(t -> instant("--since", t)),
            Optional.ofNullable(until).map(t -> instant("--until", t)),
            failed);
    Resolver.Bulk bulk = resolver.resolveAll(selection, v, dryRun, at);
    append(bulk.events());
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    bulk.refused().forEach(why -> err.println("error: " + Diagnostic.oneLine(why)));
    String as = v == Resolver.Verdict.SENT ? "sent" : "not sent";
    if (format == LiveFormat.JSON) {
      ResolveWriter.json(bulk.settled(), verdict, dryRun, bulk.refused(), out);
    } else if (!output.quiet) {
      for (SendRecord s : bulk.settled()) {
        out.println(
            (dryRun ? "would settle: " : "settled: ")
                + s.cadence()
                + " lead "
                + Diagnostic.oneLine(s.leadId())
                + " step "
                + s.step()
                + " as "
                + as
                + s.startedAt().map(t -> " (handed over " + t + ")").orElse(""));
      }
      int n = bulk.settled().size();
      out.println(
          n == 0
              ? "no " + (failed ? "failed" : "in-doubt") + " send matches; nothing settled"
              : (dryRun ? "would settle " : "settled ")
                  + n
                  + " send"
                  + (n == 1 ? "" : "s")
                  + " as "
                  + as
                  + (dryRun
                      ? "; nothing changed (dry run)"
                      : v == Resolver.Verdict.SENT ? "" : "; the next `cadence run` sends them"));
    }
    return bulk.refused().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  private void append(List<OutcomeEvent> events) {
    if (log.file != null && !events.isEmpty()) {
      try (OutcomeLogAppender appender = log.open()) {
        appender.append(events);
      }
    }
  }

  private static Instant instant(String option, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException again) {
        throw new CadenceException(
            ExitCodes.USAGE,
            option
                + " `"
                + text
                + "` is not an ISO-8601 instant; write e.g. 2026-12-01T09:00:00+01:00");
      }
    }
  }
}
