package dev.cadence.cli;

import dev.cadence.io.log.OutcomeLogAppender;
import dev.cadence.io.template.TemplateComposer;
import dev.cadence.live.EmailSender;
import dev.cadence.live.MessageComposer;
import dev.cadence.live.Preview;
import dev.cadence.live.RunLock;
import dev.cadence.live.StateStore;
import dev.cadence.live.Tick;
import dev.cadence.live.TickOptions;
import dev.cadence.live.TickReport;
import dev.cadence.report.live.LiveFormat;
import dev.cadence.report.live.TickWriter;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
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
      "3:partial: some sends will be retried or are in doubt, or the store/SMTP failed"
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
      description = "At most N emails per UTC day from the --from address; the rest wait.")
  Integer dailyCap;

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

  @Option(
      names = "--log",
      paramLabel = "LOG.csv",
      converter = OutputFile.class,
      description = "The outcome log to append to (created with its header).")
  Path log;

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
    if (dryRun) {
      try (StateStore store = db.open()) {
        LiveCadences.Loaded loaded = LiveCadences.load(store);
        TickReport report =
            Preview.of(store, loaded.cadences(), loaded.refused(), composer(), options(), tickAt);
        print(report, tickAt, true);
        return exitCode(report);
      }
    }
    try (StateStore store = db.open()) {
      Optional<RunLock> lock = store.tryLockRuns();
      if (lock.isEmpty()) {
        if (!output.quiet) {
          spec.commandLine()
              .getOut()
              .println(
                  "a tick is already in progress"
                      + store.runLockHolder().map(p -> " (pid " + p + ")").orElse("")
                      + "; nothing done");
        }
        return ExitCodes.OK;
      }
      try (RunLock held = lock.get()) {
        return tick(store, tickAt, clock, err);
      }
    }
  }

  private int tick(StateStore store, Instant tickAt, Clock clock, PrintWriter err) {
    {
      LiveCadences.Loaded loaded = LiveCadences.load(store);
      boolean anythingDue = store.read(tx -> !tx.dueEnrollments(tickAt, 0, 1).isEmpty());
      if (anythingDue && (blank(smtp) || blank(from))) {
        throw new CadenceException(
            ExitCodes.USAGE,
            "emails are due: give --smtp URL (or CADENCE_SMTP_URL) and --from ADDRESS (or CADENCE_FROM)");
      }
      TickReport report;
      try (EmailSender sender =
              new ProgressSender(
                  new LazySender(
                      () -> parent.context().senders().open(smtp, from, clock),
                      blank(smtp) || blank(from)),
                  Progress.of(output.quiet, err, 0, Progress.Unit.EMAILS));
          OutcomeLogAppender appender = log == null ? null : new OutcomeLogAppender(log)) {
        Tick tick =
            new Tick(
                store,
                loaded.cadences(),
                sender,
                composer(),
                clock,
                options(),
                appender == null ? dev.cadence.live.OutcomeSink.NONE : appender,
                parent.context().crashPoints());
        report = tick.run(loaded.refused());
      }
      loaded.refused().forEach((id, why) -> err.println("error: cadence " + id + ": " + why));
      print(report, tickAt, false);
      return exitCode(report);
    }
  }

  /**
   * The sender, built on the first email: a tick with nothing to send never connects. Without an
   * SMTP configuration (a changed cadence made something due that the check above did not see) each
   * send is a retry that stops the tick: nothing was handed over, nothing is lost.
   */
  private static final class LazySender implements EmailSender {
    private final java.util.function.Supplier<EmailSender> factory;
    private final boolean unconfigured;
    private EmailSender sender;
    private String broken;

    LazySender(java.util.function.Supplier<EmailSender> factory, boolean unconfigured) {
      this.factory = factory;
      this.unconfigured = unconfigured;
    }

    @Override
    public dev.cadence.live.SendResult send(dev.cadence.live.OutgoingEmail email) {
      if (unconfigured) {
        return new dev.cadence.live.SendResult.Retry(
            "no SMTP server configured: give --smtp URL and --from ADDRESS", true);
      }
      if (sender == null && broken == null) {
        try {
          sender = factory.get();
        } catch (RuntimeException e) { // a bad URL, a missing trust file: nothing was handed over
          broken = e.getMessage();
        }
      }
      return broken != null
          ? new dev.cadence.live.SendResult.Retry(broken, true)
          : sender.send(email);
    }

    @Override
    public void close() {
      if (sender != null) {
        sender.close();
      }
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private TickOptions options() {
    return new TickOptions(
        from == null ? "" : from.strip(),
        Optional.ofNullable(dailyCap),
        Optional.ofNullable(listUnsubscribe));
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
    err.flush();
    if (format == LiveFormat.JSON) {
      TickWriter.json(r, at, dry, out);
    } else if (!output.quiet) {
      TickWriter.text(r, at, dry, dry || output.verbose, out);
    }
    out.flush();
  }
}
