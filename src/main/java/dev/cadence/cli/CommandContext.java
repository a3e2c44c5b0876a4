package dev.cadence.cli;

import dev.cadence.io.mail.ServerUrl;
import dev.cadence.io.mail.SmtpEmailSender;
import dev.cadence.io.mail.SmtpSettings;
import dev.cadence.live.CrashPoints;
import dev.cadence.live.EmailSender;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the commands take from outside themselves, built once by {@code Main} (or a test) and handed
 * to {@link Cli}: where "now" comes from, how email leaves, where a tick may be stopped, and what
 * standard input is. Tests replace any of them without touching shared state.
 *
 * @param crashPoints named points of a send where a test stops the process ({@link
 *     CrashPoints#NONE} in production)
 * @param environment the value of an environment variable, or null (secrets and URLs that a command
 *     reads beside its options)
 */
public record CommandContext(
    Clock clock,
    SenderFactory senders,
    CrashPoints crashPoints,
    InputStream stdin,
    Function<String, String> environment) {

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
        Clock.systemUTC(), CommandContext::smtpSender, CrashPoints.NONE, System.in, System::getenv);
  }

  /** The variable's value, or empty when it is unset or blank. */
  public Optional<String> env(String name) {
    return Optional.ofNullable(environment.apply(name)).filter(v -> !v.isBlank());
  }

  public CommandContext withClock(Clock other) {
    return new CommandContext(other, senders, crashPoints, stdin, environment);
  }

  public CommandContext withSenders(SenderFactory other) {
    return new CommandContext(clock, other, crashPoints, stdin, environment);
  }

  public CommandContext withCrashPoints(CrashPoints other) {
    return new CommandContext(clock, senders, other, stdin, environment);
  }

  /** The context with these environment variables instead of the process's. */
  public CommandContext withEnvironment(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    return new CommandContext(clock, senders, crashPoints, stdin, copy::get);
  }

  public CommandContext withStdin(InputStream other) {
    return new CommandContext(clock, senders, crashPoints, other, environment);
  }

  private static EmailSender smtpSender(String smtp, String from, Clock clock) {
    try {
      return new SmtpEmailSender(SmtpSettings.parse(smtp), clock);
    } catch (ServerUrl.Invalid e) {
      throw new CadenceException(ExitCodes.USAGE, "--smtp: " + e.getMessage());
    }
  }
}
