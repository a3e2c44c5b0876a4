package dev.cadence.live;

import java.util.ArrayList;
import java.util.List;

/** A message's plan in a few words, as {@code inbox} prints it: done, or what would be done. */
final class InboxActionText {
  private InboxActionText() {}

  static String of(InboxPlanner.Plan plan, boolean dry, List<String> notes) {
    List<String> parts = new ArrayList<>();
    String would = dry ? "would " : "";
    for (InboxEffect effect : plan.effects()) {
      if (effect instanceof InboxEffect.SuppressAddress s) {
        parts.add((dry ? "would suppress " : "suppressed ") + s.address());
      } else if (effect instanceof InboxEffect.RecordOutcome r) {
        parts.add(
            (dry ? "would record " : "recorded ")
                + r.request().outcome().orElse("")
                + " on "
                + r.request().step());
      } else if (effect instanceof InboxEffect.EndEnrollments e) {
        parts.add((dry ? "would end " : "ended ") + "the enrollments of " + e.leadId());
      } else if (effect instanceof InboxEffect.Pause p) {
        parts.add((dry ? "would pause " : "paused ") + p.leadId() + " until " + p.until());
      } else if (effect instanceof InboxEffect.CountSoftBounce c) {
        parts.add(would + (dry ? "count" : "counted") + " a soft bounce for " + c.address());
      } else if (effect instanceof InboxEffect.ReplyToRead r) {
        parts.add(would + (dry ? "give" : "gave") + " the rep a reply to read");
      }
    }
    parts.addAll(notes);
    if (parts.isEmpty() && plan.match().isEmpty() && plan.verdict().kind().equals("auto_reply")) {
      parts.add("nothing: no lead of ours wrote from that address");
    }
    return parts.isEmpty() ? "nothing" : String.join("; ", parts);
  }
}
