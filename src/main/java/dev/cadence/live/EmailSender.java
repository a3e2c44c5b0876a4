package dev.cadence.live;

/**
 * The port through which {@code run} delivers email. The SMTP adapter implements it; the core only
 * needs to know how a send ended, because that decides whether it may ever be tried again.
 */
public interface EmailSender extends AutoCloseable {

  /**
   * Sends one message; never throws for delivery problems, which are reported as a {@link
   * SendResult}.
   */
  SendResult send(OutgoingEmail email);

  @Override
  default void close() {}
}
