package dev.cadence.cli;

import dev.cadence.inbox.InboxRun;
import dev.cadence.inbox.JudgeContext;
import dev.cadence.io.mail.MailReader;
import dev.cadence.io.mail.MailSources;
import dev.cadence.io.mail.SourcedMessage;
import dev.cadence.report.inbox.InboxWriter;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code cadence inbox --dry-run PATH...}: reads what came back (a Maildir, an mbox, a folder of
 * .eml files, one .eml, or {@code -} for standard input) and prints each message's verdict and what
 * would be done. A path that cannot be read is reported on one line and the others go on.
 */
@Command(
    name = "inbox",
    mixinStandardHelpOptions = true,
    description =
        "Read what came back (replies, bounces, out-of-office, complaints, unsubscribes): a"
            + " Maildir, an mbox file, a folder of .eml files, one .eml file, or - (one message on"
            + " standard input).")
final class InboxCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand CadenceCommand parent;
  @Mixin OutputOptions output;
  @Mixin NowOption now;

  @Option(names = "--dry-run", description = "Judge and show what would be done; change nothing.")
  boolean dryRun;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text or json (default: text).")
  String format;

  @Option(
      names = "--unsubscribe-address",
      paramLabel = "ADDRESS",
      description = "A mailbox our List-Unsubscribe mailto points at (repeatable).")
  List<String> unsubscribeAddresses = new ArrayList<>();

  @Parameters(paramLabel = "PATH", arity = "1..*", description = "Where to read messages.")
  List<String> paths;

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new CadenceException(
          ExitCodes.USAGE, "--format must be text or json, not `" + format + "`");
    }
    if (!dryRun) {
      throw new CadenceException(
          ExitCodes.USAGE,
          "inbox can only show its verdicts for now: add --dry-run (it changes nothing)");
    }
    LocalDate today = now.resolve(parent.clock()).atZone(ZoneOffset.UTC).toLocalDate();
    InboxRun run = new InboxRun(new JudgeContext(Set.copyOf(unsubscribeAddresses), today));
    MailReader reader = new MailReader();
    PrintWriter err = spec.commandLine().getErr();
    int[] exit = {ExitCodes.OK};
    MailSources.Sink sink =
        new MailSources.Sink() {
          @Override
          public void message(SourcedMessage m) {
            try {
              run.dryRun(m.source(), reader.read(m.raw()));
            } catch (RuntimeException e) {
              // The reader and the judge are built never to throw; if one does, this message is
              // left alone and the rest of the batch still runs.
              run.unreadable(m.source(), "left alone: could not be judged (" + e + ")");
            }
          }

          @Override
          public void problem(MailSources.SourceProblem p) {
            err.println(spec.commandLine().getColorScheme().errorText("error: " + p.message()));
            int code = p.missing() ? ExitCodes.USAGE : ExitCodes.RUNTIME;
            exit[0] = Math.max(exit[0], code);
          }
        };
    for (String path : paths) {
      MailSources.read(path, System.in, sink);
    }
    err.flush();
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      InboxWriter.json(run.results(), out);
    } else {
      InboxWriter.text(run.results(), out, output.quiet);
    }
    return exit[0];
  }
}
