package dev.cadence.inbox;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the judge needs that is not in the message.
 *
 * @param unsubscribeAddresses the mailboxes our List-Unsubscribe headers point at (may be empty)
 * @param today the day to resolve a return date without a year against, when the message has no
 *     usable Date header
 */
public record JudgeContext(Set<String> unsubscribeAddresses, LocalDate today) {
  public JudgeContext {
    unsubscribeAddresses =
        unsubscribeAddresses.stream()
            .map(a -> a.strip().toLowerCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
    Objects.requireNonNull(today, "today");
  }

  /** No unsubscribe mailbox configured. */
  public static JudgeContext of(LocalDate today) {
    return new JudgeContext(Set.of(), today);
  }
}
