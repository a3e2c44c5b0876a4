package dev.cadence.cli;

import dev.cadence.inbox.InboxResult;
import dev.cadence.inbox.InboxRun;
import dev.cadence.inbox.JudgeContext;
import dev.cadence.io.log.OutcomeLogAppender;
import dev.cadence.io.mail.ImapMailbox;
import dev.cadence.io.mail.ImapSettings;
import dev.cadence.io.mail.MailReader;
import dev.cadence.io.mail.MailSources;
import dev.cadence.io.mail.MailboxFeed;
import dev.cadence.io.mail.ServerUrl;
import dev.cadence.io.mail.SourcedMessage;
import dev.cadence.live.InboxIntake;
import dev.cadence.live.InboxPlanner;
import dev.cadence.live.InboxPolicy;
import dev.cadence.live.OutcomeSink;
import dev.cadence.live.Recorder;
import dev.cadence.live.StateStore;
import dev.cadence.report.Count;
import dev.cadence.report.inbox.InboxWriter;
import dev.cadence.report.live.LiveFormat;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * {@code cadence inbox}: reads what came back from IMAP folders or files, judges each message once,
 * and acts on it through the store (suppress, pause, record a reply).
 */
@Command(
    name = "inbox",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  # judge what came back, change nothing",
      "  cadence inbox --dry-run Maildir/",
      "  # read an IMAP folder, file what was handled, log the events",
      "  cadence inbox --imap imaps://sales@imap.example.com/INBOX \\",
      "      --move-to Processed --log outcomes.csv",
      "  # one message from the mail server's pipe",
      "  cadence inbox --db /srv/sales/cadence.db -"
    },
    description = {
      "Read what came back (replies, bounces, out-of-office, complaints, unsubscribes) and act on"
          + " it: from IMAP folders (--imap, repeatable; default env CADENCE_IMAP_URL) or from"
          + " PATHs: a Maildir, an mbox file, a folder of .eml files, one .eml file, or - (one"
          + " message on standard input, for a mail server's pipe).",
      "Each message is read once (the store remembers it); nothing is deleted. A hard bounce,"
          + " a complaint or an unsubscribe suppresses the address; an out-of-office pauses the"
          + " lead; a reply is recorded on the email it answers and given to the rep to read."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:some messages wait for a cadence that cannot be loaded (read again next time)",
      "2:usage error, or a path that names nothing",
      "3:a mailbox or file could not be read, or a bounce blames our sending (check the set-up)"
    })
final class InboxCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand CadenceCommand parent;
  @Mixin OutputOptions output;
  @Mixin NowOption now;
  @Mixin DbOption db;

  @Option(names = "--dry-run", description = "Judge and show what would be done; change nothing.")
  boolean dryRun;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text or json (default: text).")
  LiveFormat format;

  @Option(
      names = "--imap",
      paramLabel = "URL",
      description =
          "imap[s]://[user[:password]@]host[:port]/FOLDER (repeatable, one per mailbox; default:"
              + " env CADENCE_IMAP_URL). The password may come from env CADENCE_IMAP_PASSWORD.")
  List<String> imap = new ArrayList<>();

  @Option(
      names = "--move-to",
      paramLabel = "FOLDER",
      description = "Move the IMAP messages handled to this folder (created when missing).")
  String moveTo;

  @Mixin LogOption log;

  @Option(
      names = "--unsubscribe-address",
      paramLabel = "ADDRESS",
      description = "A mailbox the List-Unsubscribe mailto of your emails points at (repeatable).")
  List<String> unsubscribeAddresses = new ArrayList<>();

  @Option(
      names = "--soft-bounces",
      defaultValue = "3",
      paramLabel = "N",
      description = "Soft bounces of one address in a row that count as a hard one (default: 3).")
  int softBounces;

  @Option(
      names = "--ooo-days",
      defaultValue = "7",
      paramLabel = "DAYS",
      description =
          "How long an out-of-office reply without a return date pauses the lead (default: 7).")
  int oooDays;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "Mailboxes on disk to read.")
  List<String> paths = new ArrayList<>();

  /** The worst exit code the sources led to so far. */
  private int exit = ExitCodes.OK;

  @Override
  public Integer call() {
    List<ImapSettings> mailboxes = mailboxes();
    if (mailboxes.isEmpty() && paths.isEmpty()) {
      throw new CadenceException(
          ExitCodes.USAGE,
          "give --imap URL (or CADENCE_IMAP_URL), or the PATH of a Maildir, mbox or .eml files");
    }
    if (moveTo != null && mailboxes.isEmpty()) {
      throw new CadenceException(ExitCodes.USAGE, "--move-to files IMAP messages: give --imap");
    }
    if (softBounces < 1 || oooDays < 1) {
      throw new CadenceException(
          ExitCodes.USAGE, "--soft-bounces and --ooo-days must be at least 1");
    }
    Instant at = now.resolve(parent.clock());
    Clock clock = now.now == null ? parent.clock() : Clock.fixed(at, ZoneOffset.UTC);
    JudgeContext context =
        new JudgeContext(Set.copyOf(unsubscribeAddresses), at.atZone(ZoneOffset.UTC).toLocalDate());
    if (dryRun && !Files.exists(db.file())) {
      return judgeOnly(mailboxes, context);
    }
    try (StateStore store = db.open();
        OutcomeLogAppender appender = dryRun ? null : log.open()) {
      LiveCadences.Loaded loaded = LiveCadences.load(store);
      InboxPlanner planner =
          new InboxPlanner(
              loaded.cadences(),
              new Recorder(store, loaded.cadences(), loaded.refused()),
              new InboxPolicy(softBounces, Duration.ofDays(oooDays)));
      InboxIntake intake =
          new InboxIntake(
              store,
              planner,
              context,
              appender == null ? OutcomeSink.NONE : appender,
              clock,
              dryRun,
              new MailReader()::read);
      MailboxFeed feed = new MailboxFeed(intake, store, this::problem);
      for (String path : paths) {
        feed.path(path, parent.context().stdin());
      }
      for (ImapSettings mailbox : mailboxes) {
        feed.imap(mailbox, Optional.ofNullable(dryRun ? null : moveTo));
      }
      intake.flush();
      return report(intake.results(), intake.summary());
    }
  }

  /** The IMAP mailboxes to read: --imap, else CADENCE_IMAP_URL; each URL checked now (exit 2). */
  private List<ImapSettings> mailboxes() {
    List<String> urls = new ArrayList<>(imap);
    String fromEnv = System.getenv("CADENCE_IMAP_URL");
    if (urls.isEmpty() && fromEnv != null && !fromEnv.isBlank()) {
      urls.add(fromEnv);
    }
    String password = System.getenv("CADENCE_IMAP_PASSWORD");
    List<ImapSettings> settings = new ArrayList<>();
    for (String url : urls) {
      try {
        ImapSettings s = ImapSettings.parse(url);
        if (s.password().isEmpty() && password != null && !password.isEmpty()) {
          s = s.withPassword(password);
        }
        settings.add(s);
      } catch (ServerUrl.Invalid e) {
        throw new CadenceException(ExitCodes.USAGE, "--imap: " + e.getMessage());
      }
    }
    return settings;
  }

  /** A dry run without a store: each message judged, no lead matched. */
  private int judgeOnly(List<ImapSettings> mailboxes, JudgeContext context) {
    InboxRun run = new InboxRun(context);
    MailReader reader = new MailReader();
    MailSources.Sink sink =
        new MailSources.Sink() {
          @Override
          public void message(SourcedMessage m) {
            run.dryRun(m.source(), reader.read(m.raw()));
          }

          @Override
          public void problem(MailSources.SourceProblem p) {
            InboxCommand.this.problem(new MailboxFeed.Problem(p.message(), p.missing()));
          }
        };
    for (String path : paths) {
      MailSources.read(path, parent.context().stdin(), sink);
    }
    for (ImapSettings mailbox : mailboxes) {
      try (ImapMailbox box = ImapMailbox.open(mailbox, false)) {
        box.readAfter(
            0, f -> run.dryRun(MailboxFeed.source(mailbox, f.uid()), reader.read(f.raw())));
      } catch (ImapMailbox.MailboxException e) {
        problem(new MailboxFeed.Problem(e.getMessage(), false));
      }
    }
    return report(run.results(), new InboxIntake.Summary(run.results().size(), 0, 0, false));
  }

  /** A source that could not be read: one line now, the exit code at the end. */
  private void problem(MailboxFeed.Problem p) {
    spec.commandLine().getErr().println("error: " + p.message());
    exit = Math.max(exit, p.usage() ? ExitCodes.USAGE : ExitCodes.RUNTIME);
  }

  private int report(List<InboxResult> results, InboxIntake.Summary summary) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (summary.senderFault()) {
      err.println(
          "error: a bounce says the receiving server refused our sending (blocked,"
              + " unauthenticated or bad reputation): check the sending set-up; no lead was"
              + " blamed");
    }
    err.flush();
    if (format == LiveFormat.JSON) {
      InboxWriter.json(results, out);
    } else {
      InboxWriter.text(results, out, output.quiet);
      if (!output.quiet && summary.alreadyRead() > 0) {
        out.println(Count.of(summary.alreadyRead()) + " already read before: passed over");
      }
    }
    out.flush();
    if (summary.senderFault()) {
      exit = Math.max(exit, ExitCodes.RUNTIME);
    }
    if (summary.left() > 0 && exit == ExitCodes.OK) {
      exit = ExitCodes.FINDINGS;
    }
    return exit;
  }
}
