package dev.cadence.live;

import dev.cadence.engine.Enrollment;
import dev.cadence.model.Lead;
import dev.cadence.model.OutcomeEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The live state: enrollments, sends, the suppression list and the outcome events. The source of
 * truth of {@code enroll}, {@code run}, {@code record} and {@code status}; the outcome log is a
 * copy of its events. Every change happens inside {@link #write}, one transaction that is durable
 * when it returns.
 */
public interface StateStore extends AutoCloseable {

  /**
   * Runs {@code work} in one write transaction (serialised with every other writer) and commits it
   * durably: on disk when this returns, power cut included.
   */
  <T> T write(Function<Tx, T> work);

  /**
   * As {@link #write}, committed for every process and safe from a crash of this one, but a power
   * cut may undo it. Only for changes whose loss is safe: a claim (released anyway), a result (its
   * send then shows as in doubt, never resent). Saves an fsync per email.
   */
  default <T> T writeBuffered(Function<Tx, T> work) {
    return write(work);
  }

  /**
   * Makes the main store hold every commit so far, as far as readers let it (SQLite: a passive
   * checkpoint of the write-ahead log into the database file, synced). A tick calls it after each
   * durable {@code sending} commit: should the log beside the store be lost after a crash, the
   * marks that prevent a second send are in the store itself.
   */
  default void checkpoint() {}

  /** Runs {@code work} over a consistent snapshot; it must not write. */
  <T> T read(Function<Tx, T> work);

  /**
   * The lock that keeps a second tick off this store while one runs, or empty when another tick
   * holds it. Readers and other writers ({@code record}, {@code enroll}) are not held back by it.
   * It locks the store itself, whatever path or link named it; {@code me} is left beside it for
   * {@link #runLockHolder}.
   */
  Optional<RunLock> tryLockRuns(RunHolder me);

  /** Who holds the run lock, when that can be told, for the "in progress" message. */
  Optional<RunHolder> runLockHolder();

  /**
   * The highest send id that a tick holding the run lock marked {@code sending}, as it noted it
   * outside the store ({@link #noteSendMark}); a store whose sends stop below it has lost commits.
   */
  OptionalLong sendMark();

  /**
   * Notes {@code id} as the highest send marked {@code sending}, outside the store (it must survive
   * the loss of the store's latest commits); only while this store holds the run lock.
   */
  void noteSendMark(long id);

  /** The operations inside a transaction. */
  interface Tx {
    Optional<CadenceRef> cadence(String id);

    List<CadenceRef> cadences();

    void saveCadence(CadenceRef ref);

    Optional<StoredEnrollment> enrollment(long id);

    Optional<StoredEnrollment> enrollment(String cadence, String leadId);

    List<StoredEnrollment> enrollmentsOfLead(String leadId);

    /** Inserts a new enrollment; the caller has checked that (cadence, lead) is not enrolled. */
    long insertEnrollment(
        Lead lead, Enrollment state, Optional<Instant> nextDue, String status, Instant now);

    void updateEnrollment(
        long id, Enrollment state, Optional<Instant> nextDue, String status, Instant now);

    /**
     * Up to {@code limit} enrollments with {@code nextDue <= now} and an id above {@code afterId},
     * by id: a tick pages through them, and one left due (deferred by the cap) is not seen twice.
     */
    List<StoredEnrollment> dueEnrollments(Instant now, long afterId, int limit);

    /**
     * Every enrollment of {@code cadence} (all cadences when null), active ones only if asked, by
     * id.
     */
    void forEachEnrollment(String cadence, boolean activeOnly, Consumer<StoredEnrollment> sink);

    Optional<SendRecord> send(long enrollmentId, String step, int visit);

    List<SendRecord> sendsOf(long enrollmentId);

    List<SendRecord> sendsIn(Collection<SendState> states);

    /**
     * Inserts the row for (enrollment, step, visit): fails if one exists (the store's UNIQUE key).
     */
    SendRecord insertSend(
        long enrollmentId, String step, int visit, SendState state, Instant dueAt, Instant now);

    void updateSend(SendRecord send, Instant now);

    /** The highest send id in the store (0 when there is none). */
    long highestSendId();

    /** Sends from {@code sender} marked sending at or after {@code since} (for the daily cap). */
    int sendsStartedSince(String sender, Instant since);

    /** Why the lead or its address is suppressed, if it is. */
    Optional<Suppression> suppression(String leadId, Optional<String> email);

    void suppress(Suppression entry);

    /** Stores an outcome event; the caller appends it to the log once the transaction committed. */
    void addEvent(OutcomeEvent event);

    void forEachEvent(Consumer<OutcomeEvent> sink);

    /** The send whose email carried this Message-ID (without angle brackets), if one did. */
    Optional<SendRecord> sendWithMessageId(String messageId);

    /** The latest email handed to {@code address} (compared case-insensitively), if any was. */
    Optional<SendRecord> latestSendTo(String address);

    /** True when the inbox already handled the message with this key (Message-ID or hash). */
    boolean inboxSeen(String key);

    /** Remembers that the inbox handled a message, in the transaction of what it caused. */
    void markInboxSeen(String key, String source, String kind, Instant at);

    /** How far the inbox read an IMAP folder ({@code mailbox} names account and folder). */
    Optional<FolderMark> folderMark(String mailbox);

    void saveFolderMark(String mailbox, FolderMark mark);

    /**
     * How many soft bounces of {@code address} came in a row (none since a delivery or a reply).
     */
    int softBouncesInARow(String address);

    /** Counts one more soft bounce of {@code address} in a row; returns how many in a row now. */
    int countSoftBounce(String address, Instant at);

    /** The address answered or was delivered to: its soft bounces no longer run in a row. */
    void clearSoftBounces(String address);

    /** Gives the rep of the enrollment a reply to read. */
    void addInboxTask(long enrollmentId, String step, String what, Instant due);

    /** The replies still to be read, oldest first. */
    List<InboxTask> openInboxTasks();

    /** Closes the open reply tasks of an enrollment; returns how many were open. */
    int closeInboxTasks(long enrollmentId, Instant at);

    /** True when an imported row with this key (content and occurrence) was recorded. */
    boolean imported(String key);

    /** Remembers an imported row as recorded, in the transaction that recorded it. */
    void markImported(String key, Instant at);

    /**
     * True if this very event (lead, cadence, step, event, instant) is already stored: a
     * re-imported outcome.
     */
    boolean hasEvent(String leadId, String cadence, String step, String event, Instant at);
  }

  @Override
  void close();
}
