package dev.cadence.live;

/**
 * How a send ended. Only {@link Retry} may be attempted again; {@link InDoubt} never is
 * automatically.
 */
public sealed interface SendResult {

  /** The server accepted the message (250 after DATA). */
  record Sent(String serverReply) implements SendResult {}

  /**
   * Nothing was delivered and trying later may work: a 4xx reply, a refused or failed connection
   * before DATA.
   *
   * @param affectsAllSends the cause is not this message but the server or the set-up (unreachable
   *     or silent server, TLS or authentication failure, sender refused, 421): the following sends
   *     would fail alike, so the caller should stop sending until the next tick instead of trying
   *     each one. Such a failure is not the lead's: it does not count as one of the send's
   *     attempts, so a server that is down or a wrong setting never makes a lead's email fail for
   *     good
   */
  record Retry(String reason, boolean affectsAllSends) implements SendResult {
    /** A retry that concerns this message only (e.g. a 4xx reply to its RCPT). */
    public Retry(String reason) {
      this(reason, false);
    }
  }

  /**
   * The server refused it for good (5xx), or it could not be sent safely at all.
   *
   * @param addressRefused the recipient address itself was refused (a 5xx reply to RCPT, or an
   *     address that is not one mailbox): suppress it. False when the message was refused (5xx
   *     after the body) or a header was unsafe: the touch failed, but the address may be fine.
   */
  record Failed(String reason, boolean addressRefused) implements SendResult {
    /** A failure for which the address is suppressed. */
    public Failed(String reason) {
      this(reason, true);
    }
  }

  /** The message body was handed over but no final reply came (timeout or drop after DATA). */
  record InDoubt(String reason) implements SendResult {}
}
