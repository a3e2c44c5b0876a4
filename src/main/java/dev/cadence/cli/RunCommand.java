package dev.cadence.cli;

import dev.cadence.io.log.OutcomeLogAppender;
import dev.cadence.io.template.TemplateComposer;
import dev.cadence.live.EmailSender;
import dev.cadence.live.MessageComposer;
import dev.cadence.live.OutcomeSink;
import dev.cadence.live.Preview;
import dev.cadence.live.RunHolder;
import dev.cadence.live.RunLock;
import dev.cadence.live.StateStore;
import dev.cadence.live.Tick;
import dev.cadence.live.TickOptions;
import dev.cadence.live.TickReport;
import dev.cadence.live.UnsubscribeLink;
import dev.cadence.report.live.LiveFormat;
import dev.cadence.report.live.TickWriter;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cadence run}: one scheduler tick, made for cron. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  # what a tick would send now, in words or one entry per email",
      "  cadence run --dry-run",
      "  cadence run --dry-run --format json",
      "  # the crontab's tick, every 5 minutes (SMTP from CADENCE_SMTP_URL)",
      "  cadence run --db /srv/sales/cadence.db --log outcomes.csv --daily-cap 400 -q"
    },
    description = {
      "One scheduler tick, for cron (e.g. */5 * * * *): send the emails that are due, record them, append to the"
          + " outcome log, exit. A tick already in progress makes this one exit 0 at once.",
      "An email is never sent twice for the same lead and step; a send whose fate is unknown after a crash is"
          + " reported in doubt by `cadence status` and settled with `cadence resolve`."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done (or another tick is in progress)",
      "1:a cadence no longer validates (its enrollments wait; the others ran)",
      "2:usage error",
      "3:needs a look: sends to retry or in doubt, held messages, stranded enrollments,"
          + " or the store/SMTP failed"
    })
final class RunCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand CadenceCommand parent;
  @Mixin OutputOptions output;
  @Mixin NowOption now;
  @Mixin DbOption db;

  @Option(
      names = "--dry-run",
      description = "Print what this tick would do; change nothing, send nothing.")
  boolean dryRun;

  @Option(
      names = "--daily-cap",
      paramLabel = "N",
      description =
          "At most N emails per UTC day from the --from address; the rest wait (default: "
              + TickOptions.DEFAULT_DAILY_CAP
              + ", a safe pace for one mailbox).")
  Integer dailyCap;

  @Option(
      names = "--max-time",
      paramLabel = "DURATION",
      converter = DurationValue.class,
      description =
          "Stop sending after this long (e.g. 10m, the default; 90s, 1h); the rest waits for the"
              + " next tick, which exits 3 when this one seems stuck past it.")
  Duration maxTime = TickOptions.DEFAULT_MAX_DURATION;

  @Option(
      names = "--accept-restored-store",
      description =
          "The store knows fewer sends than the last tick noted (restored from a backup, or its"
              + " -wal lost): after reconciling it, accept it as it is.")
  boolean acceptRestored;

  @Option(
      names = "--smtp",
      paramLabel = "URL",
      defaultValue = "${env:CADENCE_SMTP_URL}",
      description =
          "smtp[s]://[user:password@]host:port[?starttls=true] (default: env CADENCE_SMTP_URL).")
  String smtp;

  @Option(
      names = "--from",
      paramLabel = "ADDRESS",
      defaultValue = "${env:CADENCE_FROM}",
      description = "The sender address (default: env CADENCE_FROM).")
  String from;

  @Option(
      names = "--list-unsubscribe",
      paramLabel = "URL|mailto",
      description =
          "The List-Unsubscribe target of every email (https URL or mailto:), with one-click List-Unsubscribe-Post.")
  String listUnsubscribe;

  @Mixin LogOption log;

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text or json (default: text).")
  LiveFormat format;

  @Override
  public Integer call() {
    if (dailyCap != null && dailyCap < 0) {
      throw new CadenceException(ExitCodes.USAGE, "--daily-cap must be 0 or more, not " + dailyCap);
    }
    Instant tickAt = now.resolve(parent.clock());
    Clock clock = now.now == null ? parent.clock() : Clock.fixed(tickAt, ZoneOffset.UTC);
    PrintWriter err = spec.commandLine().getErr();
    TickOptions options = options(); // checked before the store is even opened
    // A wrong setting is found here, before anything is claimed: never charged to the leads.
    EmailSender configured = TickSender.open(parent.context().senders(), smtp, from, clock);
    if (dryRun) {
      configured.close();
      try (StateStore store = db.open()) {
        LiveCadences.Loaded loaded = LiveCadences.load(store);
        TickReport report =
            Preview.of(store, loaded.cadences(), loaded.refused(), composer(), options, tickAt);
        print(report, tickAt, true);
        return exitCode(report);
      }
    }
    try (StateStore store = db.open()) {
      // The real clock, not --now: how long a tick has held the lock is a fact of this machine.
      Instant realNow = parent.clock().instant();
      Optional<RunLock> lock = store.tryLockRuns(RunHolder.me(realNow, maxTime));
      if (lock.isEmpty()) {
        return inProgress(store.runLockHolder(), realNow);
      }
      try (RunLock held = lock.get()) {
        if (acceptRestored) {
          store.noteSendMark(store.read(StateStore.Tx::highestSendId));
        }
        return tick(store, configured, tickAt, clock, options, err);
      }
    } finally {
      configured.close();
    }
  }

  private int tick(
      StateStore store,
      EmailSender configured,
      Instant tickAt,
      Clock clock,
      TickOptions options,
      PrintWriter err) {
    {
      LiveCadences.Loaded loaded = LiveCadences.load(store);
      boolean anythingDue = store.read(tx -> !tx.dueEnrollments(tickAt, 0, 1).isEmpty());
      if (anythingDue && (blank(smtp) || blank(from))) {
        throw new CadenceException(
            ExitCodes.USAGE,
            "emails are due: give --smtp URL (or CADENCE_SMTP_URL) and --from ADDRESS (or CADENCE_FROM)");
      }
      TickReport report;
      // The sender is the tick's (closed by call()); the progress line only counts what it hands
      // over.
      try (EmailSender sender =
              new ProgressSender(
                  configured::send, Progress.of(output.quiet, err, 0, Progress.Unit.EMAILS));
          OutcomeLogAppender appender = log.open()) {
        Tick tick =
            new Tick(
                store,
                loaded.cadences(),
                sender,
                composer(),
                clock,
                options,
                appender == null ? OutcomeSink.NONE : appender,
                parent.context().crashPoints());
        report = tick.run(loaded.refused());
      }
      loaded.refused().forEach((id, why) -> err.println("error: cadence " + id + ": " + why));
      print(report, tickAt, false);
      return exitCode(report);
    }
  }

  /**
   * Another tick holds the lock: exit 0 while it is within its time limit (and a grace of one cron
   * period, for its last exchange with the server); past that it looks stuck, which cron must see
   * (exit 3), rather than every later tick saying "in progress" for ever.
   */
  private int inProgress(Optional<RunHolder> holder, Instant realNow) {
    String pid = holder.flatMap(RunHolder::pid).map(p -> " (pid " + p + ")").orElse("");
    Optional<Instant> since = holder.flatMap(RunHolder::since);
    Duration limit = holder.flatMap(RunHolder::limit).orElse(maxTime);
    if (since.isPresent() && since.get().plus(limit).plus(STUCK_GRACE).isBefore(realNow)) {
      throw new CadenceException(
          ExitCodes.RUNTIME,
          "a tick has been in progress since "
              + since.get()
              + pid
              + ", past its "
              + TickOptions.words(limit)
              + " limit: it looks stuck; see what that process is doing (it holds the run lock"
              + " until it ends); nothing done");
    }
    if (!output.quiet) {
      spec.commandLine().getOut().println("a tick is already in progress" + pid + "; nothing done");
    }
    return ExitCodes.OK;
  }

  private static boolean blank(String s) {
    return TickSender.blank(s);
  }

  /** How long past its limit a tick may still be finishing its last exchange with the server. */
  static final Duration STUCK_GRACE = Duration.ofMinutes(5);

  private TickOptions options() {
    return new TickOptions(
        from == null ? "" : from.strip(),
        Optional.of(dailyCap == null ? TickOptions.DEFAULT_DAILY_CAP : dailyCap),
        unsubscribeLink(),
        maxTime);
  }

  /**
   * The List-Unsubscribe target, checked before anything is claimed: a link no email may carry is a
   * usage error, never a failure charged to every lead.
   */
  private Optional<UnsubscribeLink> unsubscribeLink() {
    if (listUnsubscribe == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          UnsubscribeLink.of(listUnsubscribe, Secrets.unsubscribeTokens(parent.context())));
    } catch (IllegalArgumentException e) {
      throw new CadenceException(ExitCodes.USAGE, "--list-unsubscribe: " + e.getMessage());
    }
  }

  private static MessageComposer composer() {
    return new TemplateComposer();
  }

  private static int exitCode(TickReport report) {
    if (report.partial()) {
      return ExitCodes.RUNTIME;
    }
    return report.refusedCadences().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
  }

  private void print(TickReport r, Instant at, boolean dry) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    TickWriter.warnings(r, err);
    if (!dry && dailyCap == null && r.sent() > 0 && r.deferredByCap() > 0) {
      // Once a day (the tick that reaches the cap): the default may not be what was meant.
      err.println(
          "warning: the default daily cap of "
              + TickOptions.DEFAULT_DAILY_CAP
              + " emails from "
              + options().from()
              + " is reached; "
              + r.deferredByCap()
              + " due email(s) wait for tomorrow (UTC); set --daily-cap N to change it");
    }
    err.flush();
    if (format == LiveFormat.JSON) {
      TickWriter.json(r, at, dry, out);
    } else if (!output.quiet) {
      TickWriter.text(r, at, dry, dry || output.verbose, out);
    }
    out.flush();
  }
}
