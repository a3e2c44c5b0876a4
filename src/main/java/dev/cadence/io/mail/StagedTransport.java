package dev.cadence.io.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus' SMTP transport, remembering how far the current message got and the first reply the server
 * gave at that stage. Whether a failed send may be repeated depends on exactly that: before the
 * end-of-data dot the server cannot have accepted the message; after it, without a reply, it may
 * have. The overridden methods are the extension points SMTPTransport documents for subclasses.
 */
final class StagedTransport extends SMTPTransport {
  /** Where a send is; each stage starts when its command is about to be written. */
  enum Stage {
    CONNECT,
    MAIL,
    RCPT,
    DATA,
    BODY,
    END_OF_DATA
  }

  private Stage stage = Stage.CONNECT;
  private boolean read;
  private int stageReply;
  private String stageReplyText = "";

  StagedTransport(Session session, boolean implicitTls) {
    super(session, null, implicitTls ? "smtps" : "smtp", implicitTls);
  }

  Stage stage() {
    return stage;
  }

  /**
   * The first reply code read in the current stage, or 0 when none came (timeout, dropped
   * connection).
   */
  int stageReply() {
    return stageReply;
  }

  String stageReplyText() {
    return stageReplyText;
  }

  /**
   * Called before each message (and before connecting): the next failure is reported from a clean
   * slate.
   */
  void begin(Stage first) {
    enter(first);
  }

  private void enter(Stage next) {
    stage = next;
    read = false;
    stageReply = 0;
    stageReplyText = "";
  }

  @Override
  protected void mailFrom() throws MessagingException {
    enter(Stage.MAIL);
    super.mailFrom();
  }

  @Override
  protected void rcptTo() throws MessagingException {
    enter(Stage.RCPT);
    super.rcptTo();
  }

  @Override
  protected OutputStream data() throws MessagingException {
    enter(Stage.DATA);
    OutputStream out = super.data();
    enter(Stage.BODY);
    return out;
  }

  @Override
  protected void finishData() throws IOException, MessagingException {
    // From here on the server may have the whole message: the dot may reach it even if writing
    // fails.
    enter(Stage.END_OF_DATA);
    super.finishData();
  }

  /**
   * Only the first read of a stage counts: later ones answer the RSET that Angus sends after a
   * failure.
   */
  @Override
  protected int readServerResponse() throws MessagingException {
    boolean first = !read;
    read = true;
    int code = super.readServerResponse(); // a timeout throws: the stage then has no reply
    if (first && code > 0) {
      stageReply = code;
      stageReplyText = getLastServerResponse();
    }
    return code;
  }
}
