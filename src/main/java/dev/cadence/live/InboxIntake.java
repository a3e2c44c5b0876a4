package dev.cadence.live;

import dev.cadence.inbox.InboxResult;
import dev.cadence.inbox.Judge;
import dev.cadence.inbox.JudgeContext;
import dev.cadence.inbox.MailMessage;
import dev.cadence.inbox.Verdict;
import dev.cadence.model.OutcomeEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The live loop of {@code inbox}: messages from any source are judged, matched and acted on in
 * batches, each batch one transaction that also remembers every message it handled (and how far an
 * IMAP folder was read). A crash loses at most the batch in flight, which the next run reads again:
 * nothing is recorded twice and nothing is skipped. Messages already handled are passed over before
 * they are judged. A dry run judges and plans the same way and changes nothing.
 */
public final class InboxIntake {
  /** Messages judged and committed together. */
  static final int BATCH = 200;

  /**
   * One message from a source, as stored: it is read (parsed) only when it was not handled before.
   *
   * @param key its identity across runs and mailboxes: its Message-ID, else a hash of its bytes
   * @param mark for an IMAP folder, the mark to save once this message is handled
   */
  public record Offered(String source, String key, byte[] raw, Optional<MailboxMark> mark) {}

  /** How far a mailbox is read once a message is handled. */
  public record MailboxMark(String mailbox, FolderMark mark) {}

  /** What a run did, beside the results. */
  public record Summary(int read, int alreadyRead, int left, boolean senderFault) {}

  private final StateStore store;
  private final InboxPlanner planner;
  private final Judge judge = new Judge();
  private final Function<byte[], MailMessage> reader;
  private final JudgeContext context;
  private final OutcomeSink log;
  private final Clock clock;
  private final boolean dry;
  private final List<Offered> batch = new ArrayList<>();
  private final List<InboxResult> results = new ArrayList<>();

  /**
   * The messages of the batch in flight left for a later run: a folder's mark stops before them.
   */
  private final Set<String> leftNow = new HashSet<>();

  private final Set<String> leftKeys = new HashSet<>();

  private int alreadyRead;
  private int left;
  private boolean senderFault;

  public InboxIntake(
      StateStore store,
      InboxPlanner planner,
      JudgeContext context,
      OutcomeSink log,
      Clock clock,
      boolean dry,
      Function<byte[], MailMessage> reader) {
    this.reader = reader;
    this.store = store;
    this.planner = planner;
    this.context = context;
    this.log = log;
    this.clock = clock;
    this.dry = dry;
  }

  public void offer(Offered message) {
    batch.add(message);
    if (batch.size() >= BATCH) {
      flush();
    }
  }

  /** Handles what is offered and not yet handled; call once more at the end. */
  public void flush() {
    if (batch.isEmpty()) {
      return;
    }
    List<Offered> offered = List.copyOf(batch);
    batch.clear();
    leftNow.clear();
    Set<String> seen = store.read(tx -> seen(tx, offered));
    List<Offered> fresh = new ArrayList<>();
    for (Offered o : offered) {
      if (seen.contains(o.key())) {
        alreadyRead++;
      } else {
        fresh.add(o);
      }
    }
    // Reading and judging are pure and most of the work: both cores share it, in input order.
    List<Judged> judged =
        fresh.parallelStream()
            .map(
                o -> {
                  MailMessage m = reader.apply(o.raw());
                  try {
                    return new Judged(o, m, judge.judge(m, context));
                  } catch (RuntimeException e) {
                    // Built never to throw; if it does, this message is left alone, not the batch.
                    return new Judged(
                        o,
                        m,
                        new Verdict.Other(
                            "left alone: could not be judged (" + e + ")", List.of()));
                  }
                })
            .toList();
    Instant at = clock.instant();
    List<OutcomeEvent> events = new ArrayList<>();
    List<InboxResult> done =
        dry
            ? store.read(tx -> handle(tx, judged, at, events))
            : store.write(
                tx -> {
                  List<InboxResult> out = handle(tx, judged, at, events);
                  saveMarks(tx, offered);
                  return out;
                });
    results.addAll(done);
    if (!events.isEmpty()) {
      log.append(events);
    }
  }

  private record Judged(Offered offered, MailMessage message, Verdict verdict) {}

  private static Set<String> seen(StateStore.Tx tx, List<Offered> offered) {
    Set<String> seen = new HashSet<>();
    for (Offered o : offered) {
      if (tx.inboxSeen(o.key())) {
        seen.add(o.key());
      }
    }
    return seen;
  }

  private List<InboxResult> handle(
      StateStore.Tx tx, List<Judged> judged, Instant at, List<OutcomeEvent> events) {
    List<InboxResult> out = new ArrayList<>();
    Set<String> handledNow = new HashSet<>();
    for (Judged j : judged) {
      Offered o = j.offered();
      // Read again under the write lock (another inbox may have handled it meanwhile), and a
      // message given twice in one run (two mailboxes, two copies) counts once.
      if (!handledNow.add(o.key()) || (!dry && tx.inboxSeen(o.key()))) {
        alreadyRead++;
        continue;
      }
      InboxPlanner.Plan plan = planner.plan(tx, j.verdict(), at);
      List<String> notes = new ArrayList<>(plan.notes());
      if (!dry && !plan.later()) {
        events.addAll(planner.apply(tx, plan, at, notes));
        tx.markInboxSeen(o.key(), o.source(), plan.verdict().kind(), at);
      }
      if (plan.later()) {
        left++;
        leftNow.add(o.key());
        leftKeys.add(o.key());
      }
      senderFault |= plan.senderFault();
      out.add(
          new InboxResult(
              o.source(),
              j.message().messageId(),
              plan.verdict(),
              plan.match().map(SendRecord::leadId),
              plan.match().map(SendRecord::cadence),
              plan.match().map(SendRecord::step),
              InboxActionText.of(plan, dry, notes)));
    }
    return out;
  }

  /**
   * Saves, per mailbox, the mark of the last message handled before the first one left for later
   * (messages come in UID order; those handled after it are recognised by their key next time).
   */
  private void saveMarks(StateStore.Tx tx, List<Offered> offered) {
    Map<String, FolderMark> last = new LinkedHashMap<>();
    Set<String> stopped = new HashSet<>();
    for (Offered o : offered) {
      if (o.mark().isEmpty() || stopped.contains(o.mark().get().mailbox())) {
        continue;
      }
      MailboxMark m = o.mark().get();
      if (leftNow.contains(o.key())) {
        stopped.add(m.mailbox());
      } else {
        last.put(m.mailbox(), m.mark());
      }
    }
    last.forEach(tx::saveFolderMark);
  }

  /** The keys of the messages left for a later run (their cadence cannot be loaded now). */
  public Set<String> leftKeys() {
    return Set.copyOf(leftKeys);
  }

  public List<InboxResult> results() {
    return List.copyOf(results);
  }

  public Summary summary() {
    return new Summary(results.size(), alreadyRead, left, senderFault);
  }
}
