package dev.cadence.io.mail;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.UID;

/**
 * One IMAP folder, read through Angus Mail's IMAP provider: the messages above a UID, in UID order,
 * fetched whole in batches without setting {@code \Seen}. Nothing is ever deleted; {@link #move}
 * files handled messages elsewhere when asked.
 */
public final class ImapMailbox implements AutoCloseable {
  /** Messages fetched in one FETCH command. */
  static final int FETCH_BATCH = 100;

  /** One message of the folder. */
  public record Fetched(long uid, byte[] raw) {}

  /** Receives the messages in UID order. */
  @FunctionalInterface
  public interface Sink {
    void message(Fetched message);
  }

  /** The mailbox cannot be reached or read; the message is one line without the password. */
  public static final class MailboxException extends RuntimeException {
    MailboxException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final ImapSettings settings;
  private final Store store;
  private final IMAPFolder folder;

  private ImapMailbox(ImapSettings settings, Store store, IMAPFolder folder) {
    this.settings = settings;
    this.store = store;
    this.folder = folder;
  }

  /**
   * Connects and opens the folder, read-only unless {@code writable} (needed to move messages).
   *
   * @throws MailboxException when the server cannot be reached, refuses the login, or has no such
   *     folder
   */
  public static ImapMailbox open(ImapSettings settings, boolean writable) {
    String protocol = settings.implicitTls() ? "imaps" : "imap";
    Session session = Session.getInstance(properties(settings, protocol));
    Store store;
    try {
      store = session.getStore(protocol);
      store.connect(
          settings.host(),
          settings.port(),
          settings.user().orElse(null),
          settings.password().orElse(null));
    } catch (MessagingException e) {
      throw new MailboxException("cannot log in to " + settings.mailbox() + ": " + why(e), e);
    }
    try {
      IMAPFolder folder = (IMAPFolder) store.getFolder(settings.folder());
      if (!folder.exists()) {
        throw new MailboxException(
            "no folder " + settings.folder() + " in " + settings.mailbox(), null);
      }
      folder.open(writable ? Folder.READ_WRITE : Folder.READ_ONLY);
      return new ImapMailbox(settings, store, folder);
    } catch (MessagingException | RuntimeException e) {
      closeQuietly(store);
      if (e instanceof MailboxException m) {
        throw m;
      }
      throw new MailboxException("cannot open " + settings.mailbox() + ": " + why(e), e);
    }
  }

  /** The mailbox's name, as messages and the store know it. */
  public String name() {
    return settings.mailbox();
  }

  /** The folder's UIDVALIDITY: UIDs mean the same messages only while it is unchanged. */
  public long uidValidity() {
    try {
      return folder.getUIDValidity();
    } catch (MessagingException e) {
      throw new MailboxException("cannot read " + name() + ": " + why(e), e);
    }
  }

  /**
   * Hands every message with a UID above {@code afterUid} to {@code sink}, in UID order.
   *
   * @throws MailboxException when the connection fails; the messages handed over before it stand
   */
  public void readAfter(long afterUid, Sink sink) {
    try {
      Message[] found = folder.getMessagesByUID(afterUid + 1, UIDFolder.MAXUID);
      FetchProfile uids = new FetchProfile();
      uids.add(UIDFolder.FetchProfileItem.UID);
      folder.fetch(found, uids);
      List<Long> newer = new ArrayList<>(found.length);
      for (Message m : found) {
        // "n:*" always includes the last message, even when its UID is below n.
        if (m != null && folder.getUID(m) > afterUid) {
          newer.add(folder.getUID(m));
        }
      }
      for (int i = 0; i < newer.size(); i += FETCH_BATCH) {
        List<Long> batch = newer.subList(i, Math.min(i + FETCH_BATCH, newer.size()));
        for (Fetched f : fetchWhole(batch)) {
          sink.message(f);
        }
      }
    } catch (MessagingException | IllegalStateException e) {
      throw new MailboxException("reading " + name() + " failed: " + why(e), e);
    }
  }

  /**
   * The messages with these UIDs, whole, in one {@code UID FETCH (UID BODY.PEEK[])}: one round trip
   * per batch, and PEEK leaves {@code \Seen} alone. (Fetching through the message objects costs a
   * round trip or more per message.)
   */
  private List<Fetched> fetchWhole(List<Long> uids) throws MessagingException {
    StringBuilder set = new StringBuilder();
    for (long uid : uids) {
      set.append(set.length() == 0 ? "" : ",").append(uid);
    }
    Object result =
        folder.doCommand(
            p -> {
              Response[] responses = p.command("UID FETCH " + set + " (UID BODY.PEEK[])", null);
              p.notifyResponseHandlers(responses);
              p.handleResult(responses[responses.length - 1]);
              List<Fetched> fetched = new ArrayList<>(uids.size());
              for (Response r : responses) {
                if (r instanceof FetchResponse f) {
                  UID uid = f.getItem(UID.class);
                  BODY body = f.getItem(BODY.class);
                  if (uid != null && body != null && body.getByteArray() != null) {
                    fetched.add(new Fetched(uid.uid, body.getByteArray().getNewBytes()));
                  }
                }
              }
              fetched.sort(Comparator.comparingLong(Fetched::uid));
              return fetched;
            });
    @SuppressWarnings("unchecked")
    List<Fetched> fetched = (List<Fetched>) result;
    return fetched;
  }

  /** Moves the messages with these UIDs to {@code target} (created when missing). */
  public void move(List<Long> uids, String target) {
    if (uids.isEmpty()) {
      return;
    }
    try {
      Folder to = store.getFolder(target);
      if (!to.exists() && !to.create(Folder.HOLDS_MESSAGES)) {
        throw new MailboxException("cannot create the folder " + target + " in " + name(), null);
      }
      long[] ids = uids.stream().mapToLong(Long::longValue).toArray();
      Message[] messages =
          Arrays.stream(folder.getMessagesByUID(ids))
              .filter(m -> m != null)
              .toArray(Message[]::new);
      folder.moveMessages(messages, to);
    } catch (MessagingException e) {
      throw new MailboxException("cannot move messages to " + target + ": " + why(e), e);
    }
  }

  @Override
  public void close() {
    try {
      if (folder.isOpen()) {
        folder.close(false);
      }
    } catch (MessagingException | RuntimeException e) {
      // the connection is being dropped anyway
    }
    closeQuietly(store);
  }

  private static void closeQuietly(Store store) {
    try {
      store.close();
    } catch (MessagingException | RuntimeException e) {
      // nothing more to do
    }
  }

  /** The server's or the network's words, on one line. */
  private static String why(Exception e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t && t.getMessage() == null) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return message.lines().findFirst().orElse("").strip();
  }

  private static Properties properties(ImapSettings s, String protocol) {
    String p = "mail." + protocol + ".";
    Properties props = new Properties();
    props.put(p + "connectiontimeout", Long.toString(s.connectTimeout().toMillis()));
    props.put(p + "timeout", Long.toString(s.timeout().toMillis()));
    props.put(p + "writetimeout", Long.toString(s.timeout().toMillis()));
    props.put(p + "ssl.checkserveridentity", "true");
    // Reading must not mark messages \Seen: a person may still want to read them.
    props.put(p + "peek", "true");
    props.put(p + "partialfetch", "false");
    if (!s.implicitTls()) {
      // A password never travels in clear unless the URL says so (?starttls=false).
      boolean required = s.starttls().orElse(s.password().isPresent() || s.user().isPresent());
      if (s.starttls().orElse(true)) {
        props.put(p + "starttls.enable", "true");
      }
      if (required) {
        props.put(p + "starttls.required", "true");
      }
    }
    s.trust().ifPresent(pem -> props.put(p + "ssl.socketFactory", TrustFiles.socketFactory(pem)));
    return props;
  }
}
