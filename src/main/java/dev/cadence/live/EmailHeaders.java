package dev.cadence.live;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether an {@link OutgoingEmail} can become header lines safely. A lead's fields end up in the
 * subject and the recipient; a line break or control character there could add headers or
 * recipients (header injection), so such a value is refused before anything is sent. {@code run}
 * can call {@link #problem} before it claims a touch, to hold it; the SMTP adapter checks again.
 */
public final class EmailHeaders {
  /**
   * One bare address (local@domain), no display name, no list: what a lead's email column holds.
   */
  private static final Pattern BARE_ADDRESS =
      Pattern.compile("[^\\s<>()\\[\\],;:\"\\\\@]+@[^\\s<>()\\[\\],;:\"\\\\@]+");

  /** RFC 5322 msg-id without the angle brackets: dot-atom-text "@" dot-atom-text. */
  private static final Pattern MESSAGE_ID =
      Pattern.compile(
          "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");

  /**
   * Characters a URL in {@code List-Unsubscribe} may hold (RFC 3986), which also keeps {@code <>}
   * out.
   */
  private static final Pattern URL_CHARS =
      Pattern.compile("[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%]+");

  private static final int MAX_SUBJECT = 998;

  private EmailHeaders() {}

  /** What makes the email unsafe to send, in one line, or empty when every header value is safe. */
  public static Optional<String> problem(OutgoingEmail email) {
    return recipientProblem(email.to())
        .or(() -> control("sender", email.from()))
        .or(() -> control("subject", email.subject()))
        .or(
            () ->
                email.subject().length() > MAX_SUBJECT
                    ? Optional.of("the subject is longer than " + MAX_SUBJECT + " characters")
                    : Optional.empty())
        .or(() -> messageIdProblem(email.messageId()))
        .or(() -> email.listUnsubscribe().flatMap(EmailHeaders::unsubscribeProblem));
  }

  /**
   * What makes the email unsafe because of how the tool is set up (the sender, the Message-ID made
   * from it, the List-Unsubscribe target), in one line: a fault no lead is to blame for.
   */
  public static Optional<String> configurationProblem(OutgoingEmail email) {
    return control("sender", email.from())
        .or(() -> messageIdProblem(email.messageId()))
        .or(() -> email.listUnsubscribe().flatMap(EmailHeaders::unsubscribeProblem));
  }

  /** What is wrong with the recipient: it must be one bare address without control characters. */
  public static Optional<String> recipientProblem(String to) {
    Optional<String> control = control("recipient address", to);
    if (control.isPresent()) {
      return control;
    }
    if (!BARE_ADDRESS.matcher(to).matches()) {
      return Optional.of("the recipient `" + to + "` is not one plain address (local@domain)");
    }
    return Optional.empty();
  }

  private static Optional<String> messageIdProblem(String id) {
    if (id == null || !MESSAGE_ID.matcher(id).matches()) {
      return Optional.of(
          "the Message-ID `"
              + printable(String.valueOf(id))
              + "` is not of the form left@right (letters, digits and !#$%&'*+/=?^_`{|}~- in dot-separated parts)");
    }
    return Optional.empty();
  }

  /** What is wrong with a List-Unsubscribe target, or empty when it can be sent. */
  static Optional<String> unsubscribeProblem(String target) {
    Optional<String> control = control("List-Unsubscribe target", target);
    if (control.isPresent()) {
      return control;
    }
    boolean https = target.regionMatches(true, 0, "https://", 0, 8) && target.length() > 8;
    boolean mailto = target.regionMatches(true, 0, "mailto:", 0, 7) && target.indexOf('@') > 7;
    if (!https && !mailto) {
      return Optional.of(
          "the List-Unsubscribe target `"
              + target
              + "` must be an https:// URL or a mailto: address");
    }
    if (!URL_CHARS.matcher(target).matches()) {
      return Optional.of(
          "the List-Unsubscribe target `"
              + target
              + "` has characters a URL may not hold; percent-encode them");
    }
    return Optional.empty();
  }

  /** A C0 or C1 control character (CR, LF and TAB included), DEL, or a Unicode line separator. */
  public static boolean isControl(int c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029;
  }

  private static Optional<String> control(String what, String value) {
    if (value == null) {
      return Optional.of("the " + what + " is missing");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isControl(c)) {
        String name =
            c == '\r'
                ? "a carriage return (CR)"
                : c == '\n'
                    ? "a line feed (LF)"
                    : String.format("the control character U+%04X", (int) c);
        return Optional.of(
            "the "
                + what
                + " `"
                + printable(value)
                + "` contains "
                + name
                + "; a header value must be one line");
      }
    }
    return Optional.empty();
  }

  /**
   * The value with control characters shown as {@code \\uXXXX}, so a message about it stays one
   * line.
   */
  public static String printable(String value) {
    StringBuilder out = new StringBuilder(value.length());
    value
        .codePoints()
        .limit(200)
        .forEach(
            c -> {
              if (isControl(c)) {
                out.append(String.format("\\u%04X", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return value.codePointCount(0, value.length()) > 200 ? out + "..." : out.toString();
  }
}
