package dev.cadence.inbox;

import java.util.Optional;

/** One group of checks: a verdict when the message is of its kind, empty to let the next try. */
interface Rule {
  Optional<Verdict> judge(MailMessage message, JudgeContext context);
}
