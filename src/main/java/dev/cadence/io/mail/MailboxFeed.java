package dev.cadence.io.mail;

import dev.cadence.live.FolderMark;
import dev.cadence.live.InboxIntake;
import dev.cadence.live.StateStore;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Hands the messages of files and IMAP folders to the inbox's live loop, each with its key (its
 * Message-ID, else a hash of its bytes) and, for IMAP, the folder mark to save once it is handled.
 * A source that cannot be read is reported and the others go on.
 */
public final class MailboxFeed {
  /**
   * A source that could not be read.
   *
   * @param usage the path names nothing (a usage error) rather than failing to be read
   */
  public record Problem(String message, boolean usage) {}

  private final InboxIntake intake;
  private final StateStore store;
  private final Consumer<Problem> problems;
  private final MailReader reader = new MailReader();

  public MailboxFeed(InboxIntake intake, StateStore store, Consumer<Problem> problems) {
    this.intake = intake;
    this.store = store;
    this.problems = problems;
  }

  /** The key of a message across runs and mailboxes. */
  public static String key(Optional<String> messageId, byte[] raw) {
    return messageId.map(id -> "mid:" + id).orElseGet(() -> "sha256:" + ContentHash.of(raw));
  }

  /** The source of an IMAP message in the output: {@code imap:FOLDER/UID}. */
  public static String source(ImapSettings mailbox, long uid) {
    return "imap:" + mailbox.folder() + "/" + uid;
  }

  /** Feeds every message of a Maildir, mbox, folder of .eml files, file, or {@code -}. */
  public void path(String path, InputStream stdin) {
    MailSources.read(
        path,
        stdin,
        new MailSources.Sink() {
          @Override
          public void message(SourcedMessage m) {
            intake.offer(
                new InboxIntake.Offered(
                    m.source(),
                    key(reader.messageIdOf(m.raw()), m.raw()),
                    m.raw(),
                    Optional.empty()));
          }

          @Override
          public void problem(MailSources.SourceProblem p) {
            problems.accept(new Problem(p.message(), p.missing()));
          }
        });
  }

  /**
   * Feeds the messages of an IMAP folder that arrived since the store's mark (all of them when the
   * server renumbered the folder: those handled before are recognised by their key), then files the
   * handled ones in {@code moveTo} when given. What was read before a dropped connection is kept;
   * the next run resumes after it.
   */
  public void imap(ImapSettings mailbox, Optional<String> moveTo) {
    try (ImapMailbox box = ImapMailbox.open(mailbox, moveTo.isPresent())) {
      long validity = box.uidValidity();
      long after =
          store
              .read(tx -> tx.folderMark(box.name()))
              .filter(m -> m.uidValidity() == validity)
              .map(FolderMark::lastUid)
              .orElse(0L);
      List<Long> uids = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      try {
        box.readAfter(
            after,
            f -> {
              String key = key(reader.messageIdOf(f.raw()), f.raw());
              intake.offer(
                  new InboxIntake.Offered(
                      source(mailbox, f.uid()),
                      key,
                      f.raw(),
                      Optional.of(
                          new InboxIntake.MailboxMark(
                              box.name(), new FolderMark(validity, f.uid())))));
              uids.add(f.uid());
              keys.add(key);
            });
      } finally {
        intake.flush();
      }
      if (moveTo.isPresent()) {
        // Filed once recorded; those left for a later run stay where they are.
        Set<String> left = intake.leftKeys();
        List<Long> handled = new ArrayList<>();
        for (int i = 0; i < uids.size(); i++) {
          if (!left.contains(keys.get(i))) {
            handled.add(uids.get(i));
          }
        }
        box.move(handled, moveTo.get());
      }
    } catch (ImapMailbox.MailboxException e) {
      problems.accept(new Problem(e.getMessage(), false));
    }
  }
}
