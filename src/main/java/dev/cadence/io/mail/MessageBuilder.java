package dev.cadence.io.mail;

import dev.cadence.live.EmailHeaders;
import dev.cadence.live.OutgoingEmail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

/**
 * Turns an {@link OutgoingEmail} into the MIME message that goes on the wire: UTF-8 text/plain in
 * quoted-printable, the caller's Message-ID, a Date from the injected clock, and the RFC 8058
 * unsubscribe headers. Every header value has passed {@link EmailHeaders} first.
 */
final class MessageBuilder {
  private MessageBuilder() {}

  /** Whose the fault is when a message cannot be built. */
  enum Fault {
    /** The lead's address is unusable: suppress it. */
    RECIPIENT,
    /** This message (its subject, its text) cannot go out; the address may be fine. */
    MESSAGE,
    /** How the tool is set up (the sender, the unsubscribe target): no lead is to blame. */
    CONFIGURATION
  }

  /** Why the message cannot be built, and whose fault it is. */
  static final class Unsafe extends Exception {
    final Fault fault;

    Unsafe(String message, Fault fault) {
      super(message);
      this.fault = fault;
    }
  }

  static MimeMessage build(Session session, OutgoingEmail email, Instant now) throws Unsafe {
    var problem = EmailHeaders.recipientProblem(email.to());
    if (problem.isPresent()) {
      throw new Unsafe(problem.get(), Fault.RECIPIENT);
    }
    problem = EmailHeaders.configurationProblem(email);
    if (problem.isPresent()) {
      throw new Unsafe(problem.get(), Fault.CONFIGURATION);
    }
    problem = EmailHeaders.problem(email);
    if (problem.isPresent()) {
      throw new Unsafe(problem.get(), Fault.MESSAGE);
    }
    InternetAddress to = recipient(email.to());
    InternetAddress from = sender(email.from());
    try {
      MimeMessage message = new FixedIdMessage(session, email.messageId());
      message.setFrom(from);
      message.setRecipient(Message.RecipientType.TO, to);
      if (SubjectHeader.isAscii(email.subject())) {
        message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
      } else {
        message.setHeader(SubjectHeader.NAME, SubjectHeader.encode(email.subject()));
      }
      message.setSentDate(Date.from(now));
      message.setText(email.body(), StandardCharsets.UTF_8.name());
      // After setText, which resets the content headers: readable for mostly-ASCII text, safe for
      // any line.
      message.setHeader("Content-Transfer-Encoding", "quoted-printable");
      if (email.listUnsubscribe().isPresent()) {
        String target = email.listUnsubscribe().get();
        message.setHeader("List-Unsubscribe", "<" + target + ">");
        if (target.regionMatches(true, 0, "https://", 0, 8)) {
          // RFC 8058 one-click: the receiver POSTs to the https URL; a mailto has no such form.
          message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
      }
      message.saveChanges();
      return message;
    } catch (MessagingException e) {
      throw new Unsafe("the message cannot be built: " + e.getMessage(), Fault.MESSAGE);
    }
  }

  /**
   * The sender as one strict mailbox. A display name is encoded again (RFC 2047) because the parsed
   * address would otherwise print it back as written, raw UTF-8 in a header.
   */
  private static InternetAddress sender(String text) throws Unsafe {
    try {
      return SenderAddress.parse(text);
    } catch (SenderAddress.Invalid e) {
      throw new Unsafe(e.getMessage(), Fault.CONFIGURATION);
    }
  }

  /**
   * The lead's address as one strict mailbox; a Unicode domain goes out in its ASCII (punycode)
   * form.
   */
  private static InternetAddress recipient(String address) throws Unsafe {
    int at = address.lastIndexOf('@');
    String local = address.substring(0, at);
    if (!local.chars().allMatch(c -> c < 0x80)) {
      throw new Unsafe(
          "the recipient `"
              + address
              + "` has non-ASCII characters before the @, which needs"
              + " SMTPUTF8; not supported",
          Fault.RECIPIENT);
    }
    String domain;
    try {
      domain = IDN.toASCII(address.substring(at + 1), IDN.USE_STD3_ASCII_RULES);
    } catch (IllegalArgumentException e) {
      throw new Unsafe(
          "the recipient's domain in `" + address + "` is not a valid host name", Fault.RECIPIENT);
    }
    try {
      return new InternetAddress(local + "@" + domain, true);
    } catch (AddressException e) {
      throw new Unsafe(
          "the recipient `" + address + "` is not a valid address: " + e.getMessage(),
          Fault.RECIPIENT);
    }
  }

  /** A message whose Message-ID is the caller's, not a fresh random one at each saveChanges. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", "<" + id + ">");
    }
  }
}
