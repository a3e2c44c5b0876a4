package dev.cadence.cli;

import dev.cadence.io.log.OutcomeLogAppender;
import dev.cadence.live.StateStore;
import dev.cadence.live.UnsubscribeTokens;
import dev.cadence.live.Unsubscriber;
import dev.cadence.validate.Diagnostic;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code cadence unsubscribe --token T}: what a one-click unsubscribe does, from a script. */
@Command(
    name = "unsubscribe",
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  # the token of a link a lead forwarded to you (CADENCE_SECRET set)",
      "  cadence unsubscribe --token TOKEN --log outcomes.csv",
      "  # a token that does not verify changes nothing (exit 1)",
      "  cadence unsubscribe --token TOKEN --db /srv/sales/cadence.db"
    },
    description = {
      "Unsubscribe the lead of a token from an email's List-Unsubscribe link (checked with"
          + " CADENCE_SECRET): the lead and its address are suppressed, its enrollments end, and"
          + " unsubscribed is recorded on its last email. A token that does not verify changes"
          + " nothing (exit 1)."
    })
final class UnsubscribeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @ParentCommand CadenceCommand parent;
  @Mixin OutputOptions output;
  @Mixin NowOption now;
  @Mixin DbOption db;

  @Option(names = "--token", required = true, paramLabel = "TOKEN", description = "The token.")
  String token;

  @Mixin LogOption log;

  @Override
  public Integer call() {
    UnsubscribeTokens tokens = Secrets.requireUnsubscribeTokens(parent.context());
    Optional<String> lead = tokens.verify(token.strip());
    if (lead.isEmpty()) {
      spec.commandLine()
          .getErr()
          .println("error: the token does not verify with CADENCE_SECRET; nothing changed");
      return ExitCodes.FINDINGS;
    }
    Instant at = now.resolve(parent.clock());
    try (StateStore store = db.open();
        OutcomeLogAppender appender = log.open()) {
      LiveCadences.Loaded loaded = LiveCadences.load(store);
      Unsubscriber.Done done =
          new Unsubscriber(store, loaded.cadences(), loaded.refused())
              .unsubscribe(lead.get(), "token", at);
      if (appender != null && !done.events().isEmpty()) {
        appender.append(done.events());
      }
      if (!output.quiet) {
        spec.commandLine()
            .getOut()
            .println(
                "lead "
                    + Diagnostic.oneLine(lead.get())
                    + (!done.known()
                        ? " is not in the store; nothing to change"
                        : done.already() ? " was already unsubscribed" : " unsubscribed"));
      }
      return ExitCodes.OK;
    }
  }
}
