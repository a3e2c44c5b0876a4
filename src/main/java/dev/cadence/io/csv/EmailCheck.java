package dev.cadence.io.csv;

import java.util.Optional;

/**
 * A pragmatic email address check: catches what exports get wrong (no @, two @, a missing domain, a
 * stray space) without trying to implement RFC 5322. The mail server has the last word anyway.
 */
final class EmailCheck {
  private static final int MAX_LENGTH = 254;

  private EmailCheck() {}

  /** What is wrong with {@code email}, or empty when it looks deliverable. */
  static Optional<String> problem(String email) {
    for (int i = 0; i < email.length(); i++) {
      char c = email.charAt(i);
      boolean bad =
          c < 0x80
              ? c <= ' ' || c == 0x7F
              : Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c);
      if (bad) {
        return Optional.of("it contains a space or control character");
      }
    }
    if (email.length() > MAX_LENGTH) {
      return Optional.of("it is longer than " + MAX_LENGTH + " characters");
    }
    int at = email.indexOf('@');
    if (at < 0) {
      return Optional.of("it has no @");
    }
    if (email.indexOf('@', at + 1) >= 0) {
      return Optional.of("it has more than one @");
    }
    if (at == 0) {
      return Optional.of("nothing before the @");
    }
    String domain = email.substring(at + 1);
    if (domain.isEmpty()) {
      return Optional.of("nothing after the @");
    }
    if (domain.indexOf('.') < 0) {
      return Optional.of("the domain `" + domain + "` has no dot");
    }
    if (domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
      return Optional.of("the domain `" + domain + "` has an empty label");
    }
    return Optional.empty();
  }
}
