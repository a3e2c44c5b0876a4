package dev.cadence.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One pass of judging: each message read (from any source) is judged and turned into a result, in
 * input order. The live loop adds its matching and actions by replacing {@link #dryRun}'s result
 * with its own; the sources and the writer stay as they are.
 */
public final class InboxRun {
  private final Judge judge = new Judge();
  private final JudgeContext context;
  private final List<InboxResult> results = new ArrayList<>();

  public InboxRun(JudgeContext context) {
    this.context = context;
  }

  /** Judges {@code message} read from {@code source} and records the dry run's result. */
  public InboxResult dryRun(String source, MailMessage message) {
    Verdict verdict = judge.judge(message, context);
    InboxResult result = InboxResult.dryRun(source, message.messageId(), verdict);
    results.add(result);
    return result;
  }

  /** A message that could not be read at all: left alone with the reason. */
  public InboxResult unreadable(String source, String why) {
    InboxResult result =
        InboxResult.dryRun(source, Optional.empty(), new Verdict.Other(why, List.of()));
    results.add(result);
    return result;
  }

  public List<InboxResult> results() {
    return List.copyOf(results);
  }
}
