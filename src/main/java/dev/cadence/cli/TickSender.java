package dev.cadence.cli;

import dev.cadence.io.mail.SenderAddress;
import dev.cadence.live.EmailSender;
import dev.cadence.live.SendResult;
import java.time.Clock;

/**
 * The sender of a {@code run} tick, built from {@code --smtp} and {@code --from} before the store
 * is touched: a wrong setting is a usage error found before anything is claimed, never a failure
 * charged to each lead. It connects on its first email only.
 */
final class TickSender {
  private TickSender() {}

  /**
   * The sender; a malformed {@code --from} or {@code --smtp} (or a trust file that cannot be read)
   * is a usage error even when nothing is due. Without an SMTP configuration (a changed cadence
   * made something due that the tick's own check did not see) each send is a retry that stops the
   * tick and is not counted against the lead.
   */
  static EmailSender open(
      CommandContext.SenderFactory senders, String smtp, String from, Clock clock) {
    if (!blank(from)) {
      try {
        SenderAddress.check(from.strip());
      } catch (SenderAddress.Invalid e) {
        throw new CadenceException(ExitCodes.USAGE, "--from: " + e.getMessage());
      }
    }
    if (blank(smtp)) {
      return email ->
          new SendResult.Retry(
              "no SMTP server configured: give --smtp URL and --from ADDRESS", true);
    }
    EmailSender sender = senders.open(smtp, blank(from) ? "" : from.strip(), clock);
    if (!blank(from)) {
      return sender;
    }
    sender.close();
    return email ->
        new SendResult.Retry("no sender configured: give --from ADDRESS (or CADENCE_FROM)", true);
  }

  static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
