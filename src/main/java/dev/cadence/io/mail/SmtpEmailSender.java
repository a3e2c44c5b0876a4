package dev.cadence.io.mail;

import dev.cadence.io.mail.StagedTransport.Stage;
import dev.cadence.live.EmailSender;
import dev.cadence.live.OutgoingEmail;
import dev.cadence.live.SendResult;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;

/**
 * The {@link EmailSender} for {@code run}: Jakarta Mail (Eclipse Angus) over one SMTP connection
 * that is opened on the first send, kept for the following ones, and opened again after a failure.
 *
 * <p>Outcomes are classified by how far the message got (see {@link SendOutcomes}): anything before
 * the end-of-data dot is safe to retry; a missing reply after it leaves the send in doubt. A
 * message whose header values are unsafe (line breaks, control characters, not one address) is
 * refused before any connection is made. Not thread-safe for concurrent sends ({@code send} is
 * synchronized).
 */
public final class SmtpEmailSender implements EmailSender {
  private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  static {
    // Jakarta Mail 2.1 finds its StreamProvider through ServiceLoader on every encode, scanning the
    // class path each time (jakartaee/mail-api#861): most of a message's CPU cost. Naming the
    // implementation makes the lookup a plain class-for-name. An explicit setting is left alone.
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  private final SmtpSettings settings;
  private final Clock clock;
  private final ExchangeDeadline deadline = new ExchangeDeadline();
  private final Session session;
  private final boolean implicitTls;
  private StagedTransport transport;
  private boolean staleConnection;
  private int connections;

  public SmtpEmailSender(SmtpSettings settings, Clock clock) {
    if (settings.user().isPresent() && settings.password().isEmpty()) {
      throw new SmtpSettings.InvalidSmtpUrl(
          "the SMTP URL names user `"
              + settings.user().get()
              + "` but no password; write smtp://user:password@host:port");
    }
    this.settings = settings;
    this.clock = clock;
    this.implicitTls = settings.security() == SmtpSettings.Security.SMTPS;
    this.session = Session.getInstance(properties(settings, deadline));
  }

  /**
   * How many connections were attempted so far (one, unless some failed or broke): for tests and
   * reports.
   */
  public synchronized int connections() {
    return connections;
  }

  @Override
  public synchronized SendResult send(OutgoingEmail email) {
    MimeMessage message;
    try {
      message = MessageBuilder.build(session, email, clock.instant());
    } catch (MessageBuilder.Unsafe e) {
      return switch (e.fault) {
        case RECIPIENT -> new SendResult.Failed("not sent: " + e.getMessage(), true);
        case MESSAGE -> new SendResult.Failed("not sent: " + e.getMessage(), false);
        // Nothing was handed over, and every message would fail alike: stop, blame no lead.
        case CONFIGURATION -> new SendResult.Retry("not sent: " + e.getMessage(), true);
      };
    }
    boolean reused = transport != null;
    SendResult result;
    boolean late;
    deadline.arm(settings.exchangeDeadline());
    try {
      result = attempt(message, email);
      if (reused && staleConnection) {
        // The kept connection had gone (servers drop idle ones) before MAIL FROM was answered:
        // nothing reached the server, so one attempt on a fresh connection is safe.
        result = attempt(message, email);
      }
    } finally {
      late = deadline.disarm();
    }
    return late ? overDeadline(result) : result;
  }

  /** The result of an exchange cut at its deadline, in words that say so. */
  private SendResult overDeadline(SendResult result) {
    String limit = settings.exchangeDeadline().toMillis() + " ms";
    if (result instanceof SendResult.Retry) {
      return new SendResult.Retry(
          where()
              + " took longer than the "
              + limit
              + " deadline for one message (replies too slow or dribbled); nothing was delivered",
          true);
    }
    if (result instanceof SendResult.InDoubt) {
      return new SendResult.InDoubt(
          "no final reply within the "
              + limit
              + " deadline after the message body was sent; the server may have accepted it");
    }
    return result; // the answer came just in time
  }

  /**
   * One try; sets {@link #staleConnection} when it failed at the first command of a kept
   * connection.
   */
  private SendResult attempt(MimeMessage message, OutgoingEmail email) {
    staleConnection = false;
    if (transport == null) {
      StagedTransport fresh = new StagedTransport(session, implicitTls);
      fresh.begin(Stage.CONNECT);
      fresh.setLocalHost(settings.helo().orElseGet(() -> SendOutcomes.heloFor(email.from())));
      try {
        connections++;
        fresh.connect(
            settings.host(),
            settings.port(),
            settings.user().orElse(null),
            settings.password().orElse(null));
        if (settings.user().isPresent()
            && !fresh.supportsExtension("AUTH")
            && !fresh.supportsExtension("AUTH=LOGIN")) {
          // Angus would go on unauthenticated; the relay would then refuse recipients one by one.
          closeQuietly(fresh);
          return new SendResult.Retry(
              where()
                  + " does not offer AUTH"
                  + (settings.security() == SmtpSettings.Security.PLAIN ? " without TLS" : "")
                  + ", so the configured user cannot log in",
              true);
        }
      } catch (MessagingException | RuntimeException e) {
        closeQuietly(fresh);
        return SendOutcomes.connectFailure(where(), e, settings);
      }
      transport = fresh;
    }
    transport.begin(Stage.MAIL);
    try {
      transport.sendMessage(message, new Address[] {message.getAllRecipients()[0]});
      return new SendResult.Sent(SendOutcomes.oneLine(transport.getLastServerResponse()));
    } catch (MessagingException | RuntimeException e) {
      Stage stage = transport.stage();
      int reply = transport.stageReply();
      staleConnection = stage == Stage.MAIL && (reply <= 0 || reply == 421);
      SendResult result =
          SendOutcomes.sendFailure(
              stage, reply, transport.stageReplyText(), e, settings.readTimeout());
      if (!SendOutcomes.connectionStillUsable(transport.stage(), transport.stageReply(), e)) {
        closeQuietly(transport);
        transport = null;
      }
      return result;
    }
  }

  private String where() {
    return "the SMTP server " + settings;
  }

  @Override
  public synchronized void close() {
    if (transport != null) {
      closeQuietly(transport);
      transport = null;
    }
  }

  private static void closeQuietly(StagedTransport t) {
    try {
      t.close();
    } catch (MessagingException | RuntimeException e) {
      // The connection is being dropped anyway; its outcome is already decided.
    }
  }

  private static Properties properties(SmtpSettings s, ExchangeDeadline deadline) {
    String p = s.security() == SmtpSettings.Security.SMTPS ? "mail.smtps." : "mail.smtp.";
    Properties props = new Properties();
    props.put(p + "connectiontimeout", Long.toString(s.connectTimeout().toMillis()));
    props.put(p + "timeout", Long.toString(s.readTimeout().toMillis()));
    props.put(p + "writetimeout", Long.toString(s.writeTimeout().toMillis()));
    // QUIT is sent without waiting for 221: closing never blocks on a server that stopped
    // answering.
    props.put(p + "quitwait", "false");
    props.put(p + "auth", Boolean.toString(s.user().isPresent()));
    props.put(p + "ssl.checkserveridentity", "true");
    // A password never travels in clear unless the URL says so (?starttls=false): with credentials,
    // STARTTLS stops being optional, so a server (or a man in the middle) that hides it gets no
    // AUTH.
    SmtpSettings.Security security =
        s.security() == SmtpSettings.Security.OPPORTUNISTIC_STARTTLS && s.user().isPresent()
            ? SmtpSettings.Security.REQUIRED_STARTTLS
            : s.security();
    switch (security) {
      case OPPORTUNISTIC_STARTTLS -> props.put(p + "starttls.enable", "true");
      case REQUIRED_STARTTLS -> {
        props.put(p + "starttls.enable", "true");
        props.put(p + "starttls.required", "true");
      }
      default -> {}
    }
    // Every socket is made through the deadline's factories, so that it can be closed in time.
    if (security == SmtpSettings.Security.SMTPS) {
      SSLSocketFactory tls =
          s.trust().isPresent()
              ? trust(s.trust().get())
              : (SSLSocketFactory) SSLSocketFactory.getDefault();
      props.put(p + "ssl.socketFactory", deadline.tlsOver(tls));
    } else {
      props.put(p + "socketFactory", deadline.plainSockets());
      s.trust().ifPresent(pem -> props.put(p + "ssl.socketFactory", trust(pem)));
    }
    return props;
  }

  private static SSLSocketFactory trust(Path pem) {
    try {
      return TrustFiles.socketFactory(pem);
    } catch (ServerUrl.Invalid e) {
      throw new SmtpSettings.InvalidSmtpUrl(e.getMessage());
    }
  }
}
