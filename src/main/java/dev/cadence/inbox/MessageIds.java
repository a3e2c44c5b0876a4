package dev.cadence.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Message-IDs a received message refers to: In-Reply-To, References (newest first) and the
 * returned original's Message-ID, ours ({@code cadence.<32 hex>@domain}) first.
 */
final class MessageIds {
  private static final Pattern ANGLED = Pattern.compile("<([^<>\\s]{1,250})>");
  private static final Pattern OURS = Pattern.compile("cadence\\.[0-9a-f]{32}@.+");

  /** A Message-ID header line inside a returned original that was pasted as text. */
  private static final Pattern INLINE =
      Pattern.compile("(?im)^\\s*Message-Id:\\s*<([^<>\\s]{1,250})>");

  private MessageIds() {}

  static List<String> referencedBy(MailMessage message) {
    Set<String> ids = new LinkedHashSet<>();
    message.headers().all("In-Reply-To").forEach(v -> addAngled(v, ids));
    for (MailPart part : message.parts()) {
      if (part.isEmbeddedMessage()) {
        part.embedded().first("Message-ID").ifPresent(v -> addAngledOrBare(v, ids));
      }
    }
    List<String> references = new ArrayList<>();
    message.headers().all("References").forEach(v -> addAngled(v, references));
    for (int i = references.size() - 1; i >= 0; i--) {
      ids.add(references.get(i));
    }
    return oursFirst(ids, message.messageId());
  }

  /**
   * As {@link #referencedBy}, plus Message-ID lines in {@code pastedOriginal} (non-MIME bounces).
   */
  static List<String> referencedBy(MailMessage message, String pastedOriginal) {
    Set<String> ids = new LinkedHashSet<>(referencedBy(message));
    Matcher m = INLINE.matcher(pastedOriginal);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return oursFirst(ids, message.messageId());
  }

  private static List<String> oursFirst(Set<String> ids, Optional<String> own) {
    own.ifPresent(ids::remove);
    List<String> ordered = new ArrayList<>(ids.size());
    ids.stream().filter(id -> OURS.matcher(id).matches()).forEach(ordered::add);
    ids.stream().filter(id -> !OURS.matcher(id).matches()).forEach(ordered::add);
    return ordered;
  }

  private static void addAngled(String value, Collection<String> into) {
    Matcher m = ANGLED.matcher(value);
    while (m.find()) {
      into.add(m.group(1));
    }
  }

  private static void addAngledOrBare(String value, Set<String> into) {
    Matcher m = ANGLED.matcher(value);
    if (m.find()) {
      into.add(m.group(1));
    } else if (!value.isBlank() && value.indexOf(' ') < 0) {
      into.add(value.strip());
    }
  }
}
