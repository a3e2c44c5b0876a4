package dev.cadence.cli;

import dev.cadence.io.mail.ServerUrl;
import dev.cadence.io.mail.SmtpEmailSender;
import dev.cadence.io.mail.SmtpSettings;
import dev.cadence.live.CrashPoints;
import dev.cadence.live.EmailSender;
import java.io.InputStream;
import java.time.Clock;

/**
 * What the commands take from outside themselves, built once by {@code Main} (or a test) and handed
 * to {@link Cli}: where "now" comes from, how email leaves, where a tick may be stopped, and what
 * standard input is. Tests replace any of them without touching shared state.
 *
 * @param crashPoints named points of a send where a test stops the process ({@link
 *     CrashPoints#NONE} in production)
 */
public record CommandContext(
    Clock clock, SenderFactory senders, CrashPoints crashPoints, InputStream stdin) {

  /** Opens the sender that {@code run} hands its emails to. */
  @FunctionalInterface
  public interface SenderFactory {
    /**
     * The sender for {@code --smtp} and {@code --from}; {@code clock} dates the messages (the
     * tick's clock, which {@code --now} sets).
     *
     * @throws CadenceException (usage) for a URL that cannot be read
     */
    EmailSender open(String smtpUrl, String from, Clock clock);
  }

  /** The real world: the system clock, SMTP, no crash points, the process's standard input. */
  public static CommandContext system() {
    return new CommandContext(
        Clock.systemUTC(), CommandContext::smtpSender, CrashPoints.NONE, System.in);
  }

  public CommandContext withClock(Clock other) {
    return new CommandContext(other, senders, crashPoints, stdin);
  }

  public CommandContext withSenders(SenderFactory other) {
    return new CommandContext(clock, other, crashPoints, stdin);
  }

  public CommandContext withCrashPoints(CrashPoints other) {
    return new CommandContext(clock, senders, other, stdin);
  }

  public CommandContext withStdin(InputStream other) {
    return new CommandContext(clock, senders, crashPoints, other);
  }

  private static EmailSender smtpSender(String smtp, String from, Clock clock) {
    try {
      return new SmtpEmailSender(SmtpSettings.parse(smtp), clock);
    } catch (ServerUrl.Invalid e) {
      throw new CadenceException(ExitCodes.USAGE, "--smtp: " + e.getMessage());
    }
  }
}
