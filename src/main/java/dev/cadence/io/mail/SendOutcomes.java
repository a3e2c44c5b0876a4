package dev.cadence.io.mail;

import dev.cadence.io.mail.StagedTransport.Stage;
import dev.cadence.live.EmailHeaders;
import dev.cadence.live.SendResult;
import jakarta.mail.AuthenticationFailedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * How an SMTP exchange ended, in the terms of {@link SendResult}. The rule that matters: before the
 * end-of-data dot was written the server cannot have accepted the message, so every failure there
 * is a {@code Retry} (or a {@code Failed} for a 5xx reply); after the dot, a reply decides, and no
 * reply (timeout, dropped connection) is {@code InDoubt}, because a resend could deliver it twice.
 *
 * <table>
 *   <caption>Stage and reply to result</caption>
 *   <tr><th>stage</th><th>2xx</th><th>4xx</th><th>5xx</th><th>no reply / I/O</th></tr>
 *   <tr><td>connect, greeting, EHLO, STARTTLS, AUTH</td><td></td><td>Retry, all</td><td>Retry, all</td><td>Retry, all</td></tr>
 *   <tr><td>MAIL FROM</td><td></td><td>Retry, all</td><td>Retry, all (the sender is refused, not the lead)</td><td>Retry, all</td></tr>
 *   <tr><td>RCPT TO</td><td></td><td>Retry (421: all)</td><td>Failed, address</td><td>Retry, all</td></tr>
 *   <tr><td>DATA command</td><td></td><td>Retry (421: all)</td><td>Failed, message</td><td>Retry, all</td></tr>
 *   <tr><td>body (before the dot)</td><td></td><td></td><td></td><td>Retry, all</td></tr>
 *   <tr><td>after the dot</td><td>Sent</td><td>Retry (421: all)</td><td>Failed, message</td><td>InDoubt</td></tr>
 * </table>
 */
final class SendOutcomes {
  private static final int MAX_REASON = 300;

  private SendOutcomes() {}

  static SendResult connectFailure(String where, Throwable e, SmtpSettings settings) {
    Throwable root = root(e);
    String detail =
        oneLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    String reason;
    if (has(e, AuthenticationFailedException.class)) {
      reason = "authentication failed at " + where + ": " + oneLine(e.getMessage());
    } else if (has(e, UnknownHostException.class)) {
      reason = "cannot resolve the host of " + where;
    } else if (has(e, ConnectException.class)) {
      reason = "cannot connect to " + where + ": " + detail;
    } else if (has(e, SocketTimeoutException.class)) {
      reason = where + " did not answer in time (" + detail + ")";
    } else if (has(e, SSLException.class) || has(e, CertificateException.class)) {
      reason =
          "TLS with "
              + where
              + " failed: "
              + detail
              + (settings.trust().isEmpty()
                  ? "; if it uses a private CA, add ?trust=PATH with its certificate (PEM)"
                  : "");
    } else if (String.valueOf(e.getMessage()).contains("STARTTLS is required")) {
      reason =
          where
              + " does not offer STARTTLS"
              + (settings.user().isPresent()
                  ? "; the password is only sent over TLS: use smtps://, or ?starttls=false to send it in clear"
                  : "; use ?starttls=false to send without TLS");
    } else {
      reason =
          "cannot open an SMTP session with "
              + where
              + ": "
              + oneLine(e.getMessage())
              + (root != e ? " (" + detail + ")" : "");
    }
    return new SendResult.Retry(clip(reason), true);
  }

  static SendResult sendFailure(
      Stage stage, int reply, String replyText, Throwable e, Duration readTimeout) {
    String server = reply > 0 ? oneLine(replyText) : "";
    String io = ioDetail(e, readTimeout);
    switch (stage) {
      case CONNECT, MAIL -> {
        return reply > 0
            ? new SendResult.Retry(
                clip("the server refused the sender (MAIL FROM): " + server), true)
            : new SendResult.Retry(clip("the connection failed at MAIL FROM: " + io), true);
      }
      case RCPT -> {
        if (reply >= 500) {
          return new SendResult.Failed(
              clip("the server refused the recipient (RCPT TO): " + server), true);
        }
        return reply >= 400
            ? new SendResult.Retry(
                clip("the server deferred the recipient (RCPT TO): " + server), reply == 421)
            : new SendResult.Retry(clip("the connection failed at RCPT TO: " + io), true);
      }
      case DATA -> {
        if (reply >= 500) {
          return new SendResult.Failed(
              clip("the server refused the message (DATA): " + server), false);
        }
        return reply >= 400
            ? new SendResult.Retry(
                clip("the server deferred the message (DATA): " + server), reply == 421)
            : new SendResult.Retry(clip("the connection failed at DATA: " + io), true);
      }
      case BODY -> {
        if (has(e, IOException.class)) {
          return new SendResult.Retry(
              clip("the connection failed while the body was written, before its end: " + io),
              true);
        }
        return new SendResult.Failed(
            clip("the message could not be written: " + oneLine(e.getMessage())), false);
      }
      default -> { // END_OF_DATA
        if (reply >= 200 && reply < 300) {
          return new SendResult.Sent(server);
        }
        if (reply >= 500) {
          return new SendResult.Failed(
              clip("the server refused the message after its body: " + server), false);
        }
        if (reply >= 400) {
          return new SendResult.Retry(
              clip("the server deferred the message after its body: " + server), reply == 421);
        }
        return new SendResult.InDoubt(
            clip(
                "no reply after the message body was sent ("
                    + io
                    + "); the server may have accepted it"));
      }
    }
  }

  /**
   * Whether the connection may carry the next message: only after a clear refusal of this one
   * (Angus then sends RSET). After an I/O failure, a 421 or a failure mid-body it is dropped and
   * reopened.
   */
  static boolean connectionStillUsable(Stage stage, int reply, Throwable e) {
    boolean clearRefusal =
        reply >= 400
            && reply != 421
            && (stage == Stage.RCPT || stage == Stage.DATA || stage == Stage.END_OF_DATA);
    return clearRefusal && !has(e, IOException.class) && !(e instanceof IllegalStateException);
  }

  /**
   * The EHLO name when none is configured: the sender's domain (an FQDN, which strict relays want).
   */
  static String heloFor(String from) {
    int at = from.lastIndexOf('@');
    String domain = at < 0 ? "" : from.substring(at + 1).replaceAll("[>\\s].*$", "");
    return domain.matches("[A-Za-z0-9.-]+") ? domain : "localhost";
  }

  static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    return EmailHeaders.printable(text.strip().replaceAll("\\s*[\\r\\n]+\\s*", " / "));
  }

  private static String ioDetail(Throwable e, Duration readTimeout) {
    if (has(e, SocketTimeoutException.class)) {
      return "no answer within " + readTimeout.toMillis() + " ms";
    }
    if (e instanceof IllegalStateException) {
      return "not connected";
    }
    Throwable root = root(e);
    String message = root.getMessage();
    return message == null || message.isBlank()
        ? root.getClass().getSimpleName()
        : oneLine(message);
  }

  private static String clip(String reason) {
    return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 3) + "...";
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = e; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static Throwable root(Throwable e) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    Throwable t = e;
    while (t.getCause() != null && seen.put(t, true) == null) {
      t = t.getCause();
    }
    return t;
  }
}
