package dev.cadence.live;

/** How a send ended. Only {@link Retry} may be attempted again; {@link InDoubt} never is automatically. */
public sealed interface SendResult {

  /** The server accepted the message (250 after DATA). */
  record Sent(String serverReply) implements SendResult {}

  /** Nothing was delivered and trying later may work: a 4xx reply, a refused or failed connection before DATA. */
  record Retry(String reason) implements SendResult {}

  /** The server refused it for good (5xx): the address is suppressed. */
  record Failed(String reason) implements SendResult {}

  /** The message body was handed over but no final reply came (timeout or drop after DATA). */
  record InDoubt(String reason) implements SendResult {}
}
