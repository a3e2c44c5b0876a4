package dev.cadence.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cadence.TestCadences;
import dev.cadence.engine.Engine;
import dev.cadence.engine.Enrollment;
import dev.cadence.live.CadenceRef;
import dev.cadence.live.FolderMark;
import dev.cadence.live.InboxTask;
import dev.cadence.live.SendRecord;
import dev.cadence.live.SendState;
import dev.cadence.live.StateStore;
import dev.cadence.model.Lead;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the inbox keeps in the store: read marks, folder marks, soft bounces, reply tasks. */
class InboxStoreTest {
  static final Instant T = Instant.parse("2026-12-01T09:00:00Z");

  @TempDir Path dir;
  StateStore store;
  long enrollment;

  @BeforeEach
  void open() {
    store = Stores.openOrCreate(dir.resolve("s.db"));
    Engine engine =
        new Engine(
            TestCadences.parse(
                "cadence: c\nsteps:\n  - { id: one, day: 1, channel: email, template: one }\n"));
    Lead lead =
        new Lead("L1", Map.of("email", "Ana@Example.com"), Optional.of(ZoneId.of("UTC")), false, 2);
    Enrollment state = engine.enroll(lead, T);
    enrollment =
        store.write(
            tx -> {
              tx.saveCadence(new CadenceRef("c", "c.yaml", "h"));
              long id = tx.insertEnrollment(lead, state, Optional.of(T), "", T);
              SendRecord s = tx.insertSend(id, "one", 1, SendState.CLAIMED, T, T);
              tx.updateSend(
                  s.sending("me@x.example", "Ana@Example.com", "cadence.abc@x.example", T)
                      .with(SendState.SENT, "250"),
                  T);
              return id;
            });
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aSendIsFoundByItsMessageIdAndByItsRecipientInAnyCase() {
    Optional<SendRecord> byId = store.read(tx -> tx.sendWithMessageId("cadence.abc@x.example"));
    Optional<SendRecord> byAddress = store.read(tx -> tx.latestSendTo("ana@EXAMPLE.com"));
    Optional<SendRecord> otherId = store.read(tx -> tx.sendWithMessageId("other@x.example"));
    Optional<SendRecord> otherAddress = store.read(tx -> tx.latestSendTo("bo@example.com"));
    assertThat(byId).hasValueSatisfying(s -> assertThat(s.step()).isEqualTo("one"));
    assertThat(byAddress)
        .hasValueSatisfying(s -> assertThat(s.enrollmentId()).isEqualTo(enrollment));
    assertThat(otherId).isEmpty();
    assertThat(otherAddress).isEmpty();
  }

  @Test
  void aMessageMarkedReadIsReadOnceAndAFolderMarkIsReplaced() {
    boolean before = store.read(tx -> tx.inboxSeen("mid:1@x"));
    assertThat(before).isFalse();
    store.write(
        tx -> {
          tx.markInboxSeen("mid:1@x", "imap:INBOX/7", "reply", T);
          tx.markInboxSeen("mid:1@x", "imap:INBOX/8", "reply", T); // a second copy: kept once
          tx.saveFolderMark("imap://u@h/INBOX", new FolderMark(42, 7));
          tx.saveFolderMark("imap://u@h/INBOX", new FolderMark(42, 9));
          return null;
        });
    boolean after = store.read(tx -> tx.inboxSeen("mid:1@x"));
    Optional<FolderMark> inbox = store.read(tx -> tx.folderMark("imap://u@h/INBOX"));
    Optional<FolderMark> other = store.read(tx -> tx.folderMark("imap://u@h/Other"));
    assertThat(after).isTrue();
    assertThat(inbox).contains(new FolderMark(42, 9));
    assertThat(other).isEmpty();
  }

  @Test
  void softBouncesCountInARowUntilCleared() {
    int first = store.write(tx -> tx.countSoftBounce("Ana@Example.com", T));
    int second = store.write(tx -> tx.countSoftBounce("ana@example.com", T));
    assertThat(first).isEqualTo(1);
    assertThat(second).isEqualTo(2);
    store.write(
        tx -> {
          tx.clearSoftBounces("ANA@example.com");
          return null;
        });
    int again = store.write(tx -> tx.countSoftBounce("ana@example.com", T));
    assertThat(again).isEqualTo(1);
  }

  @Test
  void aReplyTaskStaysOpenUntilClosed() {
    store.write(
        tx -> {
          tx.addInboxTask(enrollment, "one", "read the reply of ana@example.com", T);
          return null;
        });
    List<InboxTask> open = store.read(StateStore.Tx::openInboxTasks);
    assertThat(open)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.leadId()).isEqualTo("L1");
              assertThat(t.cadence()).isEqualTo("c");
              assertThat(t.step()).isEqualTo("one");
              assertThat(t.due()).isEqualTo(T);
            });
    int closed = store.write(tx -> tx.closeInboxTasks(enrollment, T));
    List<InboxTask> left = store.read(StateStore.Tx::openInboxTasks);
    int again = store.write(tx -> tx.closeInboxTasks(enrollment, T));
    assertThat(closed).isEqualTo(1);
    assertThat(left).isEmpty();
    assertThat(again).isZero();
  }
}
