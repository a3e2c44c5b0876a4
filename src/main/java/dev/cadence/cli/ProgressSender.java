package dev.cadence.cli;

import dev.cadence.live.EmailSender;
import dev.cadence.live.OutgoingEmail;
import dev.cadence.live.SendResult;

/**
 * A sender that counts the emails a tick hands over on a progress line (a tick with a backlog may
 * send for minutes), and clears the line when the tick closes it. The tick's own decisions are
 * untouched: every email still goes to the sender it wraps.
 */
final class ProgressSender implements EmailSender {
  private final EmailSender sender;
  private final Progress progress;
  private long sent;

  ProgressSender(EmailSender sender, Progress progress) {
    this.sender = sender;
    this.progress = progress;
  }

  @Override
  public SendResult send(OutgoingEmail email) {
    SendResult result = sender.send(email);
    progress.update(++sent);
    return result;
  }

  @Override
  public void close() {
    progress.done();
    sender.close();
  }
}
